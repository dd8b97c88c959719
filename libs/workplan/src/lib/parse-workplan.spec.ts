import fc from 'fast-check';
import { parseWorkplan } from './parse-workplan';
import type { Workplan } from './types';

const PATH = 'workplans/STATE-WP-0064.md';

function workplanOf(text: string): Workplan {
  const result = parseWorkplan(text, PATH);
  if (result.kind !== 'workplan') throw new Error(`expected a workplan, got ${JSON.stringify(result)}`);
  return result.workplan;
}

const lines = (...parts: string[]) => parts.join('\n') + '\n';

const FRONT_MATTER_TASKS = lines(
  '---',
  'id: STATE-WP-0064',
  'type: workplan',
  "title: 'Move State Hub consistency sync to Railiance01'",
  'domain: custodian',
  'repo: state-hub',
  'status: active',
  'owner: codex',
  'topic_slug: custodian',
  'created: 2026-06-21',
  'updated: 2026-06-21',
  'parallel_week_end: 2026-06-28 # review window',
  'state_hub_workstream_id: "669d810a-53f4-448b-a0c1-a6543daa7c44"',
  'reviewers: [ana, bo]',
  'tasks:',
  '  - id: STATE-WP-0064-T01',
  '    title: ActivityDefinition and cluster wiring',
  '    status: done',
  '    priority: high',
  '    state_hub_task_id: ecc0f846-e00f-4063-8ec1-f6ad630e9265',
  '    estimate: 3d',
  '  - {id: STATE-WP-0064-T02, title: Manual canary, status: progress}',
  '---',
  '',
  '# STATE-WP-0064 — Move State Hub consistency sync',
);

describe('parseWorkplan: front matter', () => {
  const workplan = workplanOf(FRONT_MATTER_TASKS);

  it('reads the modelled keys', () => {
    expect(workplan).toMatchObject({
      path: PATH,
      id: 'STATE-WP-0064',
      title: 'Move State Hub consistency sync to Railiance01',
      status: 'active',
      domain: 'custodian',
      repo: 'state-hub',
      owner: 'codex',
      stateHubWorkstreamId: '669d810a-53f4-448b-a0c1-a6543daa7c44',
      warnings: [],
    });
  });

  it('keeps unknown keys verbatim, dates as the strings they are written as', () => {
    expect(workplan.extra).toEqual({
      topic_slug: 'custodian',
      created: '2026-06-21',
      updated: '2026-06-21',
      parallel_week_end: '2026-06-28',
      reviewers: ['ana', 'bo'],
    });
  });

  it('reads a tasks list in block and flow style, in file order', () => {
    expect(workplan.tasks).toEqual([
      {
        key: 'STATE-WP-0064-T01',
        title: 'ActivityDefinition and cluster wiring',
        status: 'done',
        priority: 'high',
        stateHubTaskId: 'ecc0f846-e00f-4063-8ec1-f6ad630e9265',
        notation: 'front_matter',
        position: 0,
        extra: { estimate: '3d' },
      },
      {
        key: 'STATE-WP-0064-T02',
        title: 'Manual canary',
        status: 'in_progress',
        notation: 'front_matter',
        position: 1,
        extra: {},
      },
    ]);
  });
});

const SECTIONS = lines(
  '---',
  'id: HUB-WP-0010',
  'type: workplan',
  'title: Sections',
  'status: draft',
  '---',
  '',
  '# HUB-WP-0010 — Sections',
  '',
  '## T1 — Em dash',
  '',
  'Prose before the block is fine.',
  '',
  '```yaml',
  'id: HUB-WP-0010-T01',
  'status: done',
  'priority: P0',
  'state_hub_task_id: "2e9b5b66-a7b1-46a5-8e1f-22e6b5caeff6"',
  'title: a title key in a block is kept, the heading gives the title',
  'links:',
  '  - docs/x.md',
  '```',
  '',
  '## T01 – En dash',
  '',
  '### A sub-heading does not end the section',
  '',
  '```bash',
  'echo a shell block is not the task block',
  '```',
  '',
  '```yml',
  'id: HUB-WP-0010-T01b',
  'status: In-Progress',
  '```',
  '',
  '## T1a - Hyphen',
  '',
  '~~~yaml',
  'id: HUB-WP-0010-T1a',
  'status: todo',
  '~~~',
  '',
  '## T2.1: Colon ##',
  '',
  '````markdown',
  '## T9 — a heading inside a code block is text',
  '```yaml',
  'id: NOT-A-TASK',
  'status: done',
  '```',
  '````',
  '',
  '```yaml',
  'id: HUB-WP-0010-T2.1',
  'status: cancelled',
  '```',
  '',
  '## Notes',
  '',
  '```yaml',
  'id: ALSO-NOT-A-TASK',
  'status: done',
  '```',
);

describe('parseWorkplan: task sections', () => {
  const workplan = workplanOf(SECTIONS);

  it('reads `## T… <separator> Title` sections with the first yaml block before the next heading of level ≤ 2', () => {
    expect(workplan.tasks.map((t) => [t.key, t.title, t.status, t.notation, t.position])).toEqual([
      ['HUB-WP-0010-T01', 'Em dash', 'done', 'section', 0],
      ['HUB-WP-0010-T01b', 'En dash', 'in_progress', 'section', 1],
      ['HUB-WP-0010-T1a', 'Hyphen', 'todo', 'section', 2],
      ['HUB-WP-0010-T2.1', 'Colon', 'cancelled', 'section', 3],
    ]);
    expect(workplan.warnings).toEqual([]);
  });

  it('reads priority, state_hub_task_id, and keeps the other keys of the block', () => {
    expect(workplan.tasks[0]).toMatchObject({
      priority: 'critical',
      stateHubTaskId: '2e9b5b66-a7b1-46a5-8e1f-22e6b5caeff6',
      extra: {
        title: 'a title key in a block is kept, the heading gives the title',
        links: ['docs/x.md'],
      },
    });
  });

  it('uses the heading label as the key when the block has no id, with a warning', () => {
    const text = lines(
      '---',
      'id: A',
      'title: A',
      'status: active',
      '---',
      '## T3 — No id',
      '```yaml',
      'status: done',
      '```',
    );
    const result = workplanOf(text);
    expect(result.tasks.map((t) => t.key)).toEqual(['T3']);
    expect(result.warnings).toEqual([
      { path: PATH, line: 7, reason: 'the yaml block of T3 (line 7) has no id; the task key is the heading label T3' },
    ]);
  });
});

describe('parseWorkplan: a task in both notations', () => {
  const text = lines(
    '---',
    'id: HUB-WP-0011',
    'title: Both',
    'status: active',
    'tasks:',
    '  - id: HUB-WP-0011-T01',
    '    title: Front-matter title',
    '    status: todo',
    '    priority: low',
    '    owner: ana',
    '    state_hub_task_id: fm-id',
    '  - id: HUB-WP-0011-T02',
    '    title: Only in the front matter',
    '    status: blocked',
    '---',
    '## T1 — Section title',
    '```yaml',
    'id: HUB-WP-0011-T01',
    'status: done',
    'owner: bo',
    'note: from the section',
    '```',
    '## T3 — Only a section',
    '```yaml',
    'id: HUB-WP-0011-T03',
    'status: todo',
    '```',
  );

  it('merges by key: section values win, the front matter fills what the section leaves out', () => {
    expect(workplanOf(text).tasks).toEqual([
      {
        key: 'HUB-WP-0011-T01',
        title: 'Section title',
        status: 'done',
        priority: 'low',
        stateHubTaskId: 'fm-id',
        notation: 'both',
        position: 0,
        extra: { owner: 'bo', note: 'from the section' },
      },
      expect.objectContaining({ key: 'HUB-WP-0011-T02', notation: 'front_matter', position: 1 }),
      expect.objectContaining({ key: 'HUB-WP-0011-T03', notation: 'section', position: 2 }),
    ]);
  });
});

describe('parseWorkplan: status and priority words', () => {
  const withTaskStatus = (status: string) =>
    lines('---', 'id: A', 'title: A', 'status: active', '---', '## T1 — x', '```yaml', `status: ${status}`, '```');

  it.each([
    ['todo', 'todo'],
    ['open', 'todo'],
    ['Pending', 'todo'],
    ['progress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['IN_PROGRESS', 'in_progress'],
    ['doing', 'in_progress'],
    ['started', 'in_progress'],
    ['blocked', 'blocked'],
    ['done', 'done'],
    ['Complete', 'done'],
    ['completed', 'done'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['dropped', 'cancelled'],
    ['WontFix', 'cancelled'],
  ])('task status %s → %s', (written, status) => {
    expect(workplanOf(withTaskStatus(written)).tasks[0].status).toBe(status);
  });

  it.each([
    ['draft', 'draft'],
    ['active', 'active'],
    ['in_progress', 'active'],
    ['progress', 'active'],
    ['blocked', 'blocked'],
    ['completed', 'completed'],
    ['Done', 'completed'],
    ['complete', 'completed'],
    ['archived', 'archived'],
  ])('workplan status %s → %s', (written, status) => {
    expect(workplanOf(lines('---', 'id: A', 'title: A', `status: ${written}`, '---')).status).toBe(status);
  });

  it.each([
    ['critical', 'critical'],
    ['high', 'high'],
    ['Medium', 'medium'],
    ['low', 'low'],
    ['p0', 'critical'],
    ['P1', 'high'],
    ['p2', 'medium'],
    ['p3', 'low'],
  ])('priority %s → %s', (written, priority) => {
    const text = lines(
      '---',
      'id: A',
      'title: A',
      'status: active',
      'tasks:',
      `  - {id: T1, title: x, status: todo, priority: ${written}}`,
      '---',
    );
    expect(workplanOf(text).tasks[0].priority).toBe(priority);
  });
});

describe('parseWorkplan: encodings and line endings', () => {
  it('reads CRLF files with a UTF-8 BOM exactly like LF files', () => {
    const crlf = '\uFEFF' + SECTIONS.replace(/\n/g, '\r\n');
    expect(workplanOf(crlf)).toEqual(workplanOf(SECTIONS));
    expect(workplanOf('\uFEFF' + FRONT_MATTER_TASKS.replace(/\n/g, '\r\n'))).toEqual(workplanOf(FRONT_MATTER_TASKS));
  });

  it('accepts `...` as the end of the front matter and a file without a final newline', () => {
    const workplan = workplanOf('---\nid: A\ntitle: A\nstatus: active\n...\n## T1 — x\n```yaml\nstatus: done\n```');
    expect(workplan.tasks.map((t) => t.status)).toEqual(['done']);
  });
});

describe('parseWorkplan: title fallbacks', () => {
  it('uses the first # heading when the front matter has no title', () => {
    const workplan = workplanOf(
      lines('---', 'id: A', 'status: active', '---', '', '## Not this', '# The Title #', '# Nor this'),
    );
    expect(workplan.title).toBe('The Title');
    expect(workplan.warnings).toEqual([
      { path: PATH, line: 1, reason: 'front matter has no title; using the first # heading' },
    ]);
  });

  it('uses the id when there is no heading either', () => {
    const workplan = workplanOf(lines('---', 'id: A-1', 'title: ""', 'status: active', '---', 'text'));
    expect(workplan.title).toBe('A-1');
    expect(workplan.warnings).toEqual([
      { path: PATH, line: 3, reason: 'front matter has no title and the file no # heading; using the id' },
    ]);
  });
});

describe('parseWorkplan: files that are not workplans', () => {
  it.each([
    ['a README without front matter', '# Workplans\n\nOne file per workplan.\n', 'no front matter'],
    ['an empty file', '', 'no front matter'],
    ['a --- that is not on the first line', '\n---\nid: A\n---\n', 'no front matter'],
    [
      'front matter of another type',
      '---\nid: ADR-1\ntype: decision\n---\n',
      "front matter type is 'decision', not workplan",
    ],
    ['a type that is not text', '---\ntype: [a]\n---\n', 'front matter type is ["a"], not workplan'],
  ])('%s', (_name, text, reason) => {
    expect(parseWorkplan(text, PATH)).toEqual({ kind: 'not_workplan', reason });
  });

  it('accepts `type: Workplan` in any case', () => {
    expect(workplanOf('---\nid: A\ntype: Workplan\ntitle: A\nstatus: draft\n---\n').id).toBe('A');
  });
});

describe('parseWorkplan: never throws, and every failure is located', () => {
  // The parser has a last-resort catch; these properties make sure nothing reaches it:
  // every error names a line of the file and a specific reason.
  function expectLocatedOutcome(text: string): void {
    const result = parseWorkplan(text, PATH);
    if (result.kind !== 'error') return;
    expect(result.problem.path).toBe(PATH);
    expect(result.problem.line).toBeGreaterThanOrEqual(1);
    expect(result.problem.line).toBeLessThanOrEqual(text.split('\n').length);
    expect(result.problem.reason).not.toMatch(/^could not be read/);
  }

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectLocatedOutcome));
  });

  it('on arbitrary text inside front-matter fences and task blocks', () => {
    const piece = fc.constantFrom('a', ':', ' ', '-', '\n', '\r\n', '"', "'", '[', '{', '}', '&a', '*a', '#', '|');
    const yamlish = fc.string({
      unit: fc.oneof(piece, fc.constantFrom('id', 'status', 'tasks', 'T1', '## ', '---', '```')),
      maxLength: 60,
    });
    fc.assert(
      fc.property(yamlish, yamlish, (front, block) => {
        expectLocatedOutcome(`---\nid: A\n${front}\n---\n## T1 — x\n\`\`\`yaml\n${block}\n\`\`\`\n`);
      }),
      { numRuns: 300 },
    );
  });
});
