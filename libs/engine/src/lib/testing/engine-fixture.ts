// One engine on a fresh Postgres database and its own nats-server, with an HTTP
// sink and an event source: what every event-driven e2e spec needs.
import {
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import type { ConfigOverrides } from '../config/app-config';
import { EventSource } from './event-source';
import { startTestEngine, type TestEngine } from './test-engine';

export interface RunBody {
  id: string;
  definition_id: string;
  status: string;
  skip_reason: string | null;
  context: Record<string, unknown>;
  rule: { passed: boolean; checks: unknown[] } | null;
  /** How the triggering event differs from the v1 catalog schema, one field-named line each. */
  warnings: string[];
  result: Record<string, unknown> | null;
  error: string | null;
  trigger_key: string;
}

export interface EngineFixture {
  engine: TestEngine;
  nats: NatsServer;
  sink: HttpSink;
  source: EventSource;
  runsOf(definition: string): Promise<RunBody[]>;
  /** Waits until the definition has exactly one run (in `status`, when given). */
  oneRun(definition: string, status?: string): Promise<RunBody>;
  close(): Promise<void>;
}

/** An event-triggered definition file. */
export const eventDefinition = (id: string, eventType: string, rest: string) =>
  `id: ${id}\ntrigger:\n  trigger_type: event\n  event_type: ${eventType}\n${rest}`;

export async function startEngineFixture(
  writeDefinitions: (files: DefinitionFiles, sink: HttpSink) => void,
  options: { env?: ConfigOverrides } = {},
): Promise<EngineFixture> {
  let db: TestDatabase | undefined;
  let nats: NatsServer | undefined;
  let sink: HttpSink | undefined;
  const files = new DefinitionFiles();
  const cleanup = async () => {
    await Promise.all([sink?.close(), nats?.destroy(), db?.drop()]);
    files.remove();
  };
  try {
    [db, nats, sink] = await Promise.all([createTestDatabase(), startNatsServer(), startHttpSink()]);
    writeDefinitions(files, sink);
    const engine = await startTestEngine({
      databaseUrl: db.url,
      natsUrl: nats.url,
      definitionsDir: files.dir,
      env: options.env,
    });
    const source = await EventSource.connect(nats.url);
    const runsOf = async (definition: string) =>
      (await engine.http().get('/runs').query({ definition }).expect(200)).body.items as RunBody[];
    return {
      engine,
      nats,
      sink,
      source,
      runsOf,
      oneRun: (definition, status) =>
        eventually(async () => {
          const runs = await runsOf(definition);
          expect(runs).toHaveLength(1);
          if (status) expect(runs[0].status).toBe(status);
          return runs[0];
        }),
      close: async () => {
        await source.close();
        await engine.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
