import { parseWorkplan } from './parse-workplan';
import type { WorkplanProblem } from './types';
import { formatWorkplanProblem } from './workplan-problem';

const PATH = 'workplans/HUB-WP-0042.md';
const lines = (...parts: string[]) => parts.join('\n') + '\n';
const HEAD = ['---', 'id: HUB-WP-0042', 'title: Problems', 'status: active'];

function problemOf(text: string): WorkplanProblem {
  const result = parseWorkplan(text, PATH);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.problem;
}

function warningsOf(text: string): WorkplanProblem[] {
  const result = parseWorkplan(text, PATH);
  if (result.kind !== 'workplan') throw new Error(`expected a workplan, got ${JSON.stringify(result)}`);
  return result.workplan.warnings;
}

describe('parseWorkplan: files meant as workplans but unusable', () => {
  it.each<[string, string, number, string | RegExp]>([
    [
      'front matter that never closes',
      lines('---', 'id: A', 'title: x'),
      1,
      'the front matter opened on line 1 is never closed by a --- line',
    ],
    [
      'unparsable front-matter YAML',
      lines('---', 'id: A', 'title: [unclosed', 'status: active', '---'),
      4,
      /^front matter is not valid YAML: /,
    ],
    [
      'a duplicate front-matter key',
      lines('---', 'id: A', 'id: B', '---'),
      3,
      /^front matter is not valid YAML: Map keys must be unique/,
    ],
    ['an alias to nothing', lines('---', 'id: A', 'title: *nowhere', '---'), 3, /^invalid YAML: Unresolved alias/],
    [
      'front matter that is a list',
      lines('---', '- id: A', '---'),
      2,
      'front matter must be a mapping (id, type, title, status, …)',
    ],
    [
      'front matter that is empty',
      lines('---', '# only a comment', '---'),
      2,
      'front matter must be a mapping (id, type, title, status, …)',
    ],
    ['no id', lines('---', 'type: workplan', 'title: x', '---'), 1, 'front matter has no id (e.g. id: STATE-WP-0064)'],
    ['an empty id', lines('---', 'title: x', 'id:', '---'), 3, 'front matter has no id (e.g. id: STATE-WP-0064)'],
    ['an id that is not text', lines('---', 'id: 42', '---'), 2, 'id must be text, got 42'],
    [
      'an id with a space',
      lines('---', 'id: HUB WP', '---'),
      2,
      "id 'HUB WP' must be 1 to 64 characters without spaces",
    ],
    [
      'an id over 64 characters',
      lines('---', `id: ${'A'.repeat(65)}`, '---'),
      2,
      /^id 'AAAA.*must be 1 to 64 characters without spaces$/,
    ],
    [
      'an unknown workplan status',
      lines('---', 'id: A', 'title: x', 'status: someday', '---'),
      4,
      "unknown workplan status 'someday' (expected one of draft, active, blocked, completed, archived)",
    ],
    [
      '`tasks` that is not a list',
      lines(...HEAD, 'tasks:', '  T1: x', '---'),
      6,
      '`tasks` must be a list of tasks ({id, title, status, …})',
    ],
    [
      'a front-matter task that is not a mapping',
      lines(...HEAD, 'tasks:', '  - just text', '---'),
      6,
      'tasks[0] must be a mapping with id, title and status',
    ],
    [
      'a front-matter task without id',
      lines(...HEAD, 'tasks:', '  - id: T1', '    title: a', '  - title: b', '---'),
      8,
      'tasks[1] has no id (a task in the front matter needs id and title)',
    ],
    [
      'a front-matter task without title',
      lines(...HEAD, 'tasks:', '  - {id: T1, status: done}', '---'),
      6,
      'tasks[0] (T1) has no title (a task in the front matter needs id and title)',
    ],
    [
      'a duplicate key in the front matter',
      lines(...HEAD, 'tasks:', '  - {id: T1, title: a}', '  - {id: T1, title: b}', '---'),
      7,
      'duplicate task key T1 (first on line 6)',
    ],
    [
      'a duplicate key across sections',
      lines(...HEAD, '---', '## T1 — a', '```yaml', 'id: K', '```', '## T2 — b', '```yaml', 'id: K', '```'),
      10,
      'duplicate task key K (first on line 6)',
    ],
    [
      'a duplicate heading label without ids',
      lines(...HEAD, '---', '## T1 — a', '```yaml', '```', '## T1 — b', '```yaml', '```'),
      9,
      'duplicate task key T1 (first on line 6)',
    ],
    [
      'broken YAML in a task block',
      lines(...HEAD, '---', '', '## T1 — a', '', '```yaml', 'id: K', 'status: [done', '```'),
      12,
      /^the yaml block of T1 \(line 9\) is not valid YAML: /,
    ],
    [
      'a task block that is a list',
      lines(...HEAD, '---', '## T1 — a', '```yaml', '- id: K', '```'),
      7,
      'the yaml block of T1 (line 7) must be a mapping (id, status, priority, …)',
    ],
    [
      'a task block id that is not text',
      lines(...HEAD, '---', '## T1 — a', '```yaml', 'id: [K]', '```'),
      8,
      'the yaml block of T1 (line 7): id must be text',
    ],
    [
      'a task block that never closes',
      lines(...HEAD, '---', '## T1 — a', '```yaml', 'id: K'),
      7,
      'the yaml block of T1 (line 7) is never closed',
    ],
  ])('%s', (_name, text, line, reason) => {
    const problem = problemOf(text);
    expect(problem).toEqual({ path: PATH, line, reason: expect.any(String) });
    if (typeof reason === 'string') expect(problem.reason).toBe(reason);
    else expect(problem.reason).toMatch(reason);
  });

  it('refuses a file over 1 MiB without reading it', () => {
    expect(problemOf(lines(...HEAD, '---', 'x'.repeat(1024 * 1024)))).toEqual({
      path: PATH,
      reason: 'file is larger than 1024 KiB',
    });
  });

  it('prints a problem as path:line: reason', () => {
    expect(formatWorkplanProblem(problemOf(lines('---', 'id: 42', '---')))).toBe(
      'workplans/HUB-WP-0042.md:2: id must be text, got 42',
    );
    expect(formatWorkplanProblem({ path: 'a.md', reason: 'r' })).toBe('a.md: r');
  });
});

describe('parseWorkplan: warnings keep the file usable', () => {
  it('skips a task with an unknown status, naming file, line and value', () => {
    const text = lines(
      ...HEAD,
      'tasks:',
      '  - {id: T1, title: a, status: done}',
      '  - {id: T2, title: b, status: wip}',
      '---',
    );
    const result = parseWorkplan(text, PATH);
    expect(result.kind === 'workplan' && result.workplan.tasks.map((t) => [t.key, t.position])).toEqual([['T1', 0]]);
    expect(warningsOf(text)).toEqual([
      {
        path: PATH,
        line: 7,
        reason:
          "task T2: unknown status 'wip' (expected one of todo, in_progress, blocked, done, cancelled); task skipped",
      },
    ]);
  });

  it('reads a task without status as todo', () => {
    const text = lines(...HEAD, '---', '## T1 — a', '```yaml', 'id: K', '```');
    expect(warningsOf(text)).toEqual([{ path: PATH, line: 6, reason: 'task K has no status; read as todo' }]);
  });

  it('drops an unknown priority', () => {
    const text = lines(...HEAD, '---', '## T1 — a', '```yaml', 'id: K', 'status: done', 'priority: urgent', '```');
    const result = parseWorkplan(text, PATH);
    expect(result.kind === 'workplan' && result.workplan.tasks[0].priority).toBeUndefined();
    expect(warningsOf(text)).toEqual([
      {
        path: PATH,
        line: 10,
        reason: "task K: unknown priority 'urgent' (expected one of critical, high, medium, low); ignored",
      },
    ]);
  });

  it('reads a workplan without status as draft', () => {
    const result = parseWorkplan(lines('---', 'id: A', 'title: A', '---'), PATH);
    expect(result).toMatchObject({
      kind: 'workplan',
      workplan: {
        status: 'draft',
        warnings: [{ path: PATH, line: 1, reason: 'front matter has no status; read as draft' }],
      },
    });
  });

  it('notes a task heading without a yaml block, unless the front matter lists that task', () => {
    const text = lines(
      ...HEAD,
      'tasks:',
      '  - {id: T2, title: b, status: done}',
      '---',
      '## T1 — a',
      'prose only',
      '## T2 — b',
    );
    expect(warningsOf(text)).toEqual([
      { path: PATH, line: 8, reason: 'heading T1 has no ```yaml block; not read as a task' },
    ]);
  });

  it('ignores a state_hub_task_id that is not text, and optional keys that are not text', () => {
    const text = lines(
      ...HEAD,
      'owner: [a, b]',
      '---',
      '## T1 — a',
      '```yaml',
      'id: K',
      'status: done',
      'state_hub_task_id: [x]',
      '```',
    );
    expect(warningsOf(text)).toEqual([
      { path: PATH, line: 5, reason: 'owner is not text; ignored' },
      { path: PATH, line: 11, reason: 'T1: state_hub_task_id is not text; ignored' },
    ]);
  });
});
