// The workplans this repository keeps about itself are real input: each must
// parse cleanly, and a writeback must leave every byte but the id lines alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkplan } from './parse-workplan';
import type { Workplan, WritebackIds } from './types';
import { writeBackIds } from './write-back-ids';

const WORKPLANS = join(__dirname, '../../../../workplans');
const files = readdirSync(WORKPLANS)
  .filter((name) => name.endsWith('.md'))
  .sort();

// Counted by hand when the files were written; a file added later is checked against the text below.
const KNOWN_TASK_COUNTS: Record<string, number> = {
  'HUB-WP-0002-foundation-read-model-api.md': 7,
  'HUB-WP-0003-lifecycle-events-outbox.md': 8,
  'HUB-WP-0004-activity-engine.md': 9,
  'HUB-WP-0008-mcp-server.md': 7,
  'HUB-WP-0009-api-speed.md': 4,
};

// An independent count: every task of these files has an `id: <plan>-T<n>` line.
const idLines = (text: string) => text.match(/^[ \t]*(?:- )?id: \S+-T\d+\S*[ \t]*$/gm)?.length ?? 0;

function read(name: string): { text: string; workplan: Workplan } {
  const text = readFileSync(join(WORKPLANS, name), 'utf8');
  const result = parseWorkplan(text, `workplans/${name}`);
  if (result.kind !== 'workplan') throw new Error(`${name}: ${JSON.stringify(result)}`);
  return { text, workplan: result.workplan };
}

const stripIdLines = (text: string) => text.replace(/^[ \t]*state_hub_(?:task|workstream)_id:.*(?:\r?\n|$)/gm, '');

describe('a real workplan from the field (STATE-WP-0064, front matter rebuilt from its rendered form)', () => {
  const name = 'STATE-WP-0064-statehub-consistency-sync-railiance01.md';
  const text = readFileSync(join(__dirname, '../fixtures', name), 'utf8');
  const result = parseWorkplan(text, name);
  const workplan = result.kind === 'workplan' ? result.workplan : undefined;

  it('parses with its ids, statuses and unknown keys', () => {
    expect(result.kind).toBe('workplan');
    expect(workplan).toMatchObject({
      id: 'STATE-WP-0064',
      status: 'active',
      stateHubWorkstreamId: '669d810a-53f4-448b-a0c1-a6543daa7c44',
      extra: { topic_slug: 'custodian', created: '2026-06-21', updated: '2026-06-21', parallel_week_end: '2026-06-28' },
      warnings: [],
    });
    expect(workplan?.tasks.map((t) => [t.key, t.status, t.priority, t.stateHubTaskId])).toEqual([
      ['STATE-WP-0064-T01', 'done', 'high', 'ecc0f846-e00f-4063-8ec1-f6ad630e9265'],
      ['STATE-WP-0064-T02', 'done', 'high', '2e9b5b66-a7b1-46a5-8e1f-22e6b5caeff6'],
      ['STATE-WP-0064-T03', 'in_progress', 'medium', '8abb31ad-2f03-4aa7-889e-e60c3c39f1f8'],
      ['STATE-WP-0064-T04', 'todo', 'medium', 'c8275471-5ec0-4dfb-8fec-2b3ec3894036'],
      ['STATE-WP-0064-T05', 'in_progress', 'low', '270ed7dd-aa79-469d-a817-e3fa1e71be41'],
    ]);
  });

  it('is left byte-identical by a writeback of the ids it has', () => {
    const taskIds = Object.fromEntries((workplan?.tasks ?? []).map((t) => [t.key, t.stateHubTaskId ?? '']));
    const ids = { workstreamId: workplan?.stateHubWorkstreamId, taskIds };
    expect(writeBackIds(text, ids)).toEqual({ text, changed: false, edits: [], unmatched: [] });
  });
});

describe('the repository’s own workplans', () => {
  it('are there to be read', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(KNOWN_TASK_COUNTS)));
  });

  it.each(files)('%s parses as a workplan with the expected tasks and no warnings', (name) => {
    const { text, workplan } = read(name);
    expect(workplan.warnings).toEqual([]);
    expect(workplan.id).toBe(name.match(/^[A-Z]+-WP-\d+/)?.[0]);
    expect(workplan.tasks).toHaveLength(KNOWN_TASK_COUNTS[name] ?? idLines(text));
    expect(workplan.tasks.length).toBeGreaterThan(0);
    workplan.tasks.forEach((task, index) => {
      expect(task.key).toMatch(new RegExp(`^${workplan.id}-T\\d+`));
      expect(task.position).toBe(index);
      expect(task.title).not.toBe('');
    });
  });

  it.each(files)('%s: a writeback of the ids it already has (or none) returns the identical text', (name) => {
    const { text, workplan } = read(name);
    const taskIds = Object.fromEntries(
      workplan.tasks.flatMap((t) => (t.stateHubTaskId ? [[t.key, t.stateHubTaskId] as const] : [])),
    );
    const own: WritebackIds = { workstreamId: workplan.stateHubWorkstreamId, taskIds };
    expect(writeBackIds(text, own)).toEqual({ text, changed: false, edits: [], unmatched: [] });
    expect(writeBackIds(text, {})).toEqual({ text, changed: false, edits: [], unmatched: [] });
  });

  it.each(files)('%s: new ids change the id lines only, and read back', (name) => {
    const { text, workplan } = read(name);
    const taskIds = Object.fromEntries(
      workplan.tasks.map((t, i) => [t.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]),
    );
    const workstreamId = '11111111-2222-4333-8444-555555555555';
    const result = writeBackIds(text, { workstreamId, taskIds });
    expect(result.changed).toBe(true);
    expect(stripIdLines(result.text)).toBe(stripIdLines(text));
    const after = parseWorkplan(result.text, name);
    if (after.kind !== 'workplan') throw new Error(JSON.stringify(after));
    expect(after.workplan.stateHubWorkstreamId).toBe(workstreamId);
    expect(Object.fromEntries(after.workplan.tasks.map((t) => [t.key, t.stateHubTaskId]))).toEqual(taskIds);
  });
});
