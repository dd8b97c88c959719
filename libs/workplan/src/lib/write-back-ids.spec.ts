import { parseWorkplan } from './parse-workplan';
import type { Workplan } from './types';
import { writeBackIds } from './write-back-ids';

const WS = '669d810a-53f4-448b-a0c1-a6543daa7c44';
const T1 = 'ecc0f846-e00f-4063-8ec1-f6ad630e9265';
const T2 = '2e9b5b66-a7b1-46a5-8e1f-22e6b5caeff6';
const lines = (...parts: string[]) => parts.join('\n') + '\n';

function workplanOf(text: string): Workplan {
  const result = parseWorkplan(text, 'x.md');
  if (result.kind !== 'workplan') throw new Error(`expected a workplan, got ${JSON.stringify(result)}`);
  return result.workplan;
}

const BASE = lines(
  '---',
  'id: HUB-WP-0005 # the plan',
  "title: 'Quoted: title'",
  '',
  '# a comment between keys',
  'status: active',
  'tasks:',
  '  - id: HUB-WP-0005-T01',
  '    title: First',
  '    status: todo',
  '    notes:',
  '      - nested list stays where it is',
  '    # a comment at the end of the item',
  '',
  '  - {id: HUB-WP-0005-T02, title: Second, status: done}',
  '---',
  '',
  '## T3 — Third',
  '',
  '```yaml',
  'id: HUB-WP-0005-T03',
  'status: todo   # trailing comment',
  '```',
  '',
  'The end, without a final newline.',
).replace(/\n$/, '');

describe('writeBackIds: adding ids', () => {
  const result = writeBackIds(BASE, {
    workstreamId: WS,
    taskIds: { 'HUB-WP-0005-T01': T1, 'HUB-WP-0005-T02': T2, 'HUB-WP-0005-T03': T1 },
  });

  it('adds each id as one new line (or one flow entry) and changes nothing else', () => {
    expect(result.text).toBe(
      lines(
        '---',
        'id: HUB-WP-0005 # the plan',
        "title: 'Quoted: title'",
        '',
        '# a comment between keys',
        'status: active',
        'tasks:',
        '  - id: HUB-WP-0005-T01',
        '    title: First',
        '    status: todo',
        '    notes:',
        '      - nested list stays where it is',
        `    state_hub_task_id: "${T1}"`,
        '    # a comment at the end of the item',
        '',
        `  - {id: HUB-WP-0005-T02, title: Second, status: done, state_hub_task_id: "${T2}"}`,
        `state_hub_workstream_id: ${WS}`,
        '---',
        '',
        '## T3 — Third',
        '',
        '```yaml',
        'id: HUB-WP-0005-T03',
        'status: todo   # trailing comment',
        `state_hub_task_id: "${T1}"`,
        '```',
        '',
        'The end, without a final newline.',
      ).replace(/\n$/, ''),
    );
    expect(result.changed).toBe(true);
  });

  it('says what it wrote', () => {
    expect(result.edits).toEqual([
      'state_hub_workstream_id added',
      'HUB-WP-0005-T01: state_hub_task_id added (front matter)',
      'HUB-WP-0005-T02: state_hub_task_id added (front matter)',
      'HUB-WP-0005-T03: state_hub_task_id added (section)',
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('gives a file the parser reads the ids back from', () => {
    const workplan = workplanOf(result.text);
    expect(workplan.stateHubWorkstreamId).toBe(WS);
    expect(workplan.tasks.map((t) => t.stateHubTaskId)).toEqual([T1, T2, T1]);
  });

  it('changes nothing on a second run', () => {
    const again = writeBackIds(result.text, {
      workstreamId: WS,
      taskIds: { 'HUB-WP-0005-T01': T1, 'HUB-WP-0005-T02': T2, 'HUB-WP-0005-T03': T1 },
    });
    expect(again).toEqual({ text: result.text, changed: false, edits: [], unmatched: [] });
  });
});

describe('writeBackIds: correcting ids', () => {
  it.each([
    ['plain', 'state_hub_workstream_id: old-id', `state_hub_workstream_id: ${WS}`],
    [
      'single quotes',
      "state_hub_workstream_id: 'old-id'  # from the hub",
      `state_hub_workstream_id: '${WS}'  # from the hub`,
    ],
    ['double quotes', 'state_hub_workstream_id: "old-id"', `state_hub_workstream_id: "${WS}"`],
    ['an empty value', 'state_hub_workstream_id:', `state_hub_workstream_id: ${WS}`],
    ['an empty value with a comment', 'state_hub_workstream_id:   # todo', `state_hub_workstream_id: ${WS}   # todo`],
    ['a null value', 'state_hub_workstream_id: ~', `state_hub_workstream_id: ${WS}`],
    ['a plain value that would read as a number', 'state_hub_workstream_id: x', 'state_hub_workstream_id: "1e3"'],
  ])('replaces just the value, keeping %s', (_style, before, after) => {
    const text = lines('---', 'id: A', before, 'status: active', '---');
    const id = after.includes('1e3') ? '1e3' : WS;
    const result = writeBackIds(text, { workstreamId: id });
    expect(result.text).toBe(lines('---', 'id: A', after, 'status: active', '---'));
    expect(workplanOf(result.text).stateHubWorkstreamId).toBe(id);
  });

  it('corrects a task id in both notations of one task', () => {
    const text = lines(
      '---',
      'id: A',
      'tasks:',
      "  - {id: A-T1, title: x, status: done, state_hub_task_id: 'old'}",
      '---',
      '## T1 — x',
      '```yaml',
      'id: A-T1',
      'state_hub_task_id: old',
      'status: done',
      '```',
    );
    const result = writeBackIds(text, { taskIds: { 'A-T1': T1 } });
    expect(result.text).toBe(
      text
        .replace("state_hub_task_id: 'old'", `state_hub_task_id: '${T1}'`)
        .replace('state_hub_task_id: old', `state_hub_task_id: ${T1}`),
    );
    expect(result.edits).toEqual([
      'A-T1: state_hub_task_id changed (front matter)',
      'A-T1: state_hub_task_id changed (section)',
    ]);
  });

  it('uses the heading label to find a block without id', () => {
    const text = lines('---', 'id: A', '---', '## T1 — x', '```yaml', 'status: done', '```');
    expect(writeBackIds(text, { taskIds: { T1 } }).text).toBe(
      lines('---', 'id: A', '---', '## T1 — x', '```yaml', 'status: done', `state_hub_task_id: "${T1}"`, '```'),
    );
  });
});

describe('writeBackIds: the bytes around the edit', () => {
  const text = lines('---', 'id: A', 'status: active', '---', '## T1 — x', '```yaml', 'id: A-T1', '```');

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const result = writeBackIds(crlf, { workstreamId: WS, taskIds: { 'A-T1': T1 } });
    expect(result.text).toBe(
      '\uFEFF' +
        lines(
          '---',
          'id: A',
          'status: active',
          `state_hub_workstream_id: ${WS}`,
          '---',
          '## T1 — x',
          '```yaml',
          'id: A-T1',
          `state_hub_task_id: "${T1}"`,
          '```',
        ).replace(/\n/g, '\r\n'),
    );
  });

  it('returns the very same text when every id is already there', () => {
    const done = writeBackIds(text, { workstreamId: WS, taskIds: { 'A-T1': T1 } }).text;
    expect(writeBackIds(done, { workstreamId: WS, taskIds: { 'A-T1': T1 } })).toEqual({
      text: done,
      changed: false,
      edits: [],
      unmatched: [],
    });
    expect(writeBackIds(text, {})).toEqual({ text, changed: false, edits: [], unmatched: [] });
  });

  it('lists task keys it found nowhere, and writes nothing for them', () => {
    expect(writeBackIds(text, { taskIds: { 'A-T9': T1 } })).toEqual({
      text,
      changed: false,
      edits: [],
      unmatched: ['A-T9'],
    });
  });

  it('escapes a backslash inside double quotes', () => {
    const result = writeBackIds(text, { taskIds: { 'A-T1': 'a\\b' } });
    expect(result.text).toContain('state_hub_task_id: "a\\\\b"');
    expect(workplanOf(result.text).tasks[0].stateHubTaskId).toBe('a\\b');
  });
});

describe('writeBackIds: programming errors', () => {
  const text = lines('---', 'id: A', '---');

  it.each(['a\nb', 'a\rb', 'say "hi"', "it's", '', 'tab\tid'])('refuses the id %j with a TypeError', (id) => {
    expect(() => writeBackIds(text, { workstreamId: id })).toThrow(TypeError);
    expect(() => writeBackIds(text, { taskIds: { T1: id } })).toThrow(/taskIds\["T1"\] must be a non-empty id/);
  });

  it('refuses a text that is not a workplan', () => {
    expect(() => writeBackIds('# README\n', { workstreamId: WS })).toThrow(/no front matter/);
    expect(() => writeBackIds('---\nid: [\n---\n', { workstreamId: WS })).toThrow(/not a valid YAML mapping/);
  });
});
