// What the one-process e2e specs share: definitions directories (copies of the
// organisation's real definitions plus test ones), and the engine's runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltApp, DefinitionFiles, WORKSPACE_ROOT } from '@state-hub/testing';

export const SWEEP = 'the-custodian.state-hub-consistency-sweep';
export const PER_COMMIT = 'the-custodian.state-hub-per-commit-sync';
export const REGISTERED_NOTE = 'the-custodian.state-hub-repo-registered-note';

/** A definitions directory holding copies of `real` files of activity-definitions/ and the `test` ones (name → YAML). */
export function definitionsDir(real: string[], test: Record<string, string>): DefinitionFiles {
  const files = new DefinitionFiles();
  for (const name of real) files.write(name, readFileSync(join(WORKSPACE_ROOT, 'activity-definitions', name), 'utf8'));
  for (const [name, yaml] of Object.entries(test)) files.write(name, yaml);
  return files;
}

/** An event definition that POSTs the event's id to `${SINK_URL}<path>`. */
export function sinkOnEvent(id: string, eventType: string, path: string): string {
  return [
    `id: ${id}`,
    `trigger: { trigger_type: event, event_type: ${eventType} }`,
    `instruction: { kind: http, method: POST, url: '\${SINK_URL}${path}', body: { event_id: '{{ event.id }}' } }`,
    '',
  ].join('\n');
}

export interface RunRow {
  id: string;
  definition_id: string;
  trigger_key: string;
  status: string;
  started_at: string;
}

/** Every run of a definition (newest first), from the engine's routes under /engine/. */
export async function runsOf(app: BuiltApp, definition: string): Promise<RunRow[]> {
  const page = await app.json<{ items: RunRow[] }>(
    'GET',
    `/engine/runs?definition=${encodeURIComponent(definition)}&limit=500`,
  );
  return page.items;
}
