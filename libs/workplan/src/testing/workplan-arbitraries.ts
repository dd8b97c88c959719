// fast-check arbitraries for workplan files (test-only): random extra keys,
// comments, quoting styles, blank lines, LF or CRLF, a BOM, tasks in one or both
// notations, with or without ids — plus what a correct parser must read from them.
import fc from 'fast-check';
import type { WorkplanStatus, WorkplanTaskStatus } from '../lib/types';

type Quote = 'plain' | 'single' | 'double';

export interface ExpectedTask {
  key: string;
  title: string;
  status: WorkplanTaskStatus;
  notation: 'front_matter' | 'section' | 'both';
  /** Existing ids where the task is written (a task in both notations may carry two). */
  frontMatterId?: string;
  sectionId?: string;
}

export interface GeneratedWorkplan {
  text: string;
  id: string;
  status: WorkplanStatus;
  workstreamId?: string;
  /** In the order the parser reports them: front-matter tasks first, then section-only ones. */
  tasks: ExpectedTask[];
  extraKeys: string[];
}

const TASK_STATUS_WORDS: [string, WorkplanTaskStatus][] = [
  ['todo', 'todo'],
  ['open', 'todo'],
  ['progress', 'in_progress'],
  ['In-Progress', 'in_progress'],
  ['doing', 'in_progress'],
  ['blocked', 'blocked'],
  ['done', 'done'],
  ['Completed', 'done'],
  ['cancelled', 'cancelled'],
  ['wontfix', 'cancelled'],
];
const PLAN_STATUS_WORDS: [string, WorkplanStatus][] = [
  ['draft', 'draft'],
  ['active', 'active'],
  ['in_progress', 'active'],
  ['blocked', 'blocked'],
  ['Completed', 'completed'],
  ['done', 'completed'],
  ['archived', 'archived'],
];

const word = fc.constantFrom('alpha', 'beta', 'API', 'sweep', 'Fix', 'the', 'v2', 'x: y', '#7', 'é✓', "it's");
const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const quote = fc.constantFrom<Quote>('plain', 'single', 'double');
const comment = fc.constantFrom('# note', '# TODO: later', '#');

function scalar(value: string, style: Quote): string {
  if (style === 'plain' && /^[A-Za-z0-9][A-Za-z0-9 .-]*$/.test(value) && !/^[0-9.e-]+$/i.test(value)) return value;
  if (style === 'double') return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

// One mapping entry, as lines at `indent`; `E` stands for the line ending until render time.
type Entry = (indent: string) => string;
const E = '\u0000';

const extraValue: fc.Arbitrary<(key: string) => Entry> = fc.constantFrom(
  (key: string) => (i: string) => `${i}${key}: word${E}`,
  (key: string) => (i: string) => `${i}${key}: 'two words'${E}`,
  (key: string) => (i: string) => `${i}${key}: 42${E}`,
  (key: string) => (i: string) => `${i}${key}: word # why${E}`,
  (key: string) => (i: string) => `${i}${key}: [a, b]${E}`,
  (key: string) => (i: string) => `${i}${key}:${E}${i}  - a${E}${i}  - b${E}`,
  (key: string) => (i: string) => `${i}${key}: |${E}${i}  line one${E}${i}  line two${E}`,
  (key: string) => (i: string) => `${i}${key}:${E}${i}  inner: 1${E}`,
);

/** Extra keys (x_0, x_1 …), comment lines and blank lines, to be shuffled among a mapping's own entries. */
const decorations = fc
  .record({
    extras: fc.array(extraValue, { maxLength: 3 }),
    comments: fc.array(comment, { maxLength: 2 }),
    blanks: fc.nat({ max: 2 }),
  })
  .map(({ extras, comments, blanks }) => ({
    keys: extras.map((_, i) => `x_${i}`),
    entries: [
      ...extras.map((value, i) => value(`x_${i}`)),
      ...comments.map((text) => (i: string) => `${i}${text}${E}`),
      ...Array.from({ length: blanks }, () => () => E),
    ],
  }));

interface TaskDraft {
  where: 'front_matter' | 'section' | 'both';
  flow: boolean;
  explicitId: boolean;
  label: string;
  separator: string;
  fmTitle: string;
  sectionTitle: string;
  fmStatus: [string, WorkplanTaskStatus];
  sectionStatus?: [string, WorkplanTaskStatus];
  fmId?: [string, Quote];
  sectionId?: [string, Quote];
  fmDecor: { keys: string[]; entries: Entry[] };
  sectionDecor: { keys: string[]; entries: Entry[] };
  prose: boolean;
  shellBlock: boolean;
  order: number[];
}

const taskDraft = fc.record({
  where: fc.constantFrom<TaskDraft['where']>('front_matter', 'section', 'both'),
  flow: fc.boolean(),
  explicitId: fc.boolean(),
  labelStyle: fc.constantFrom('T%', 'T0%', 'T%a', 'T%.1'),
  separator: fc.constantFrom(' — ', ' – ', ' - ', ': ', '—'),
  fmTitle: title,
  sectionTitle: title,
  fmStatus: fc.constantFrom(...TASK_STATUS_WORDS),
  sectionStatus: fc.option(fc.constantFrom(...TASK_STATUS_WORDS), { nil: undefined }),
  fmId: fc.option(fc.tuple(fc.uuid(), quote), { nil: undefined }),
  sectionId: fc.option(fc.tuple(fc.uuid(), quote), { nil: undefined }),
  fmDecor: decorations,
  sectionDecor: decorations,
  prose: fc.boolean(),
  shellBlock: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
});

const planDraft = fc.record({
  id: fc.tuple(fc.constantFrom('HUB', 'STATE', 'CUST'), fc.integer({ min: 1, max: 9999 })),
  titleStyle: quote,
  title,
  status: fc.constantFrom(...PLAN_STATUS_WORDS),
  withType: fc.boolean(),
  workstreamId: fc.option(fc.tuple(fc.uuid(), quote, fc.boolean()), { nil: undefined }),
  decor: decorations,
  tasks: fc.array(taskDraft, { maxLength: 6 }),
  dashIndent: fc.constantFrom('', '  '),
  order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  dotsCloser: fc.boolean(),
  notesSection: fc.boolean(),
});

// A stable shuffle driven by generated numbers, so fast-check can shrink it.
function shuffle<T>(items: T[], order: number[]): T[] {
  return items
    .map((item, i) => ({ item, rank: order[i % order.length] ?? 0, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ item }) => item);
}

export const workplanArb: fc.Arbitrary<GeneratedWorkplan> = planDraft.map((draft) => {
  const id = `${draft.id[0]}-WP-${String(draft.id[1]).padStart(4, '0')}`;
  const tasks: TaskDraft[] = draft.tasks.map((t, i) => {
    const explicitId = t.explicitId || t.where !== 'section';
    return {
      ...t,
      explicitId,
      label: t.labelStyle.replace('%', String(i + 1)),
      // A front-matter task has no section values; a section-only task no front-matter ones.
      sectionStatus: t.where === 'section' ? (t.sectionStatus ?? t.fmStatus) : t.sectionStatus,
    };
  });
  const keyOf = (t: TaskDraft, i: number) => (t.explicitId ? `${id}-T${String(i + 1).padStart(2, '0')}` : t.label);
  const text = render(draft, id, tasks, keyOf);
  const expected = tasks.map((t, i): ExpectedTask & { inFrontMatter: boolean } => {
    const inFrontMatter = t.where !== 'section';
    const inSection = t.where !== 'front_matter';
    const status = (inSection && t.sectionStatus ? t.sectionStatus : t.fmStatus)[1];
    return {
      key: keyOf(t, i),
      title: inSection ? t.sectionTitle : t.fmTitle,
      status,
      notation: t.where,
      ...(inFrontMatter && t.fmId ? { frontMatterId: t.fmId[0] } : {}),
      ...(inSection && t.sectionId ? { sectionId: t.sectionId[0] } : {}),
      inFrontMatter,
    };
  });
  return {
    text,
    id,
    status: draft.status[1],
    workstreamId: draft.workstreamId?.[0],
    tasks: [...expected.filter((t) => t.inFrontMatter), ...expected.filter((t) => !t.inFrontMatter)].map(
      ({ inFrontMatter: _, ...task }) => task,
    ),
    extraKeys: draft.decor.keys,
  };
});

type PlanDraft = typeof planDraft extends fc.Arbitrary<infer T> ? T : never;

function render(draft: PlanDraft, id: string, tasks: TaskDraft[], keyOf: (t: TaskDraft, i: number) => string): string {
  const top: Entry[] = [
    (i) => `${i}id: ${id}${E}`,
    (i) => `${i}title: ${scalar(draft.title, draft.titleStyle)}${E}`,
    (i) => `${i}status: ${draft.status[0]}${E}`,
    ...(draft.withType ? [(i: string) => `${i}type: workplan${E}`] : []),
    ...draft.decor.entries,
  ];
  if (draft.workstreamId) {
    const [uuid, style, withComment] = draft.workstreamId;
    top.push((i) => `${i}state_hub_workstream_id: ${scalar(uuid, style)}${withComment ? ' # from the hub' : ''}${E}`);
  }
  const fmTasks = tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.where !== 'section');
  if (fmTasks.length > 0) {
    top.push(
      () => `tasks:${E}${fmTasks.map(({ t, i }) => frontMatterItem(t, keyOf(t, i), draft.dashIndent)).join('')}`,
    );
  }
  const front = shuffle(top, draft.order)
    .map((entry) => entry(''))
    .join('');
  const sections = tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.where !== 'front_matter')
    .map(({ t, i }) => section(t, keyOf(t, i)))
    .join('');
  const notes = draft.notesSection ? `## Notes${E}${E}\`\`\`yaml${E}id: not-a-task${E}\`\`\`${E}${E}` : '';
  const body = `${E}# ${id} — ${draft.title}${E}${E}Some prose.${E}${E}${sections}${notes}End.${E}`;
  const closer = draft.dotsCloser ? '...' : '---';
  let text = `---${E}${front}${closer}${E}${body}`;
  if (!draft.finalNewline) text = text.slice(0, -E.length);
  return (draft.bom ? '\uFEFF' : '') + text.split(E).join(draft.eol);
}

function frontMatterItem(t: TaskDraft, key: string, dashIndent: string): string {
  if (t.flow) {
    const idPart = t.fmId ? `, state_hub_task_id: "${t.fmId[0]}"` : '';
    return `${dashIndent}- {id: ${key}, title: ${scalar(t.fmTitle, 'double')}, status: ${t.fmStatus[0]}${idPart}}${E}`;
  }
  const indent = `${dashIndent}  `;
  const own: Entry[] = [
    (i) => `${i}title: ${scalar(t.fmTitle, 'single')}${E}`,
    (i) => `${i}status: ${t.fmStatus[0]}${E}`,
    ...(t.fmId
      ? [(i: string) => `${i}state_hub_task_id: ${scalar(t.fmId?.[0] ?? '', t.fmId?.[1] ?? 'double')}${E}`]
      : []),
    ...t.fmDecor.entries,
  ];
  const lines = [(i: string) => `${i}id: ${key}${E}`, ...shuffle(own, t.order)].map((entry) => entry(indent));
  return `${dashIndent}- ${lines.join('').slice(indent.length)}`;
}

function section(t: TaskDraft, key: string): string {
  const own: Entry[] = [
    ...(t.explicitId ? [(i: string) => `${i}id: ${key}${E}`] : []),
    ...(t.sectionStatus ? [(i: string) => `${i}status: ${t.sectionStatus?.[0]}${E}`] : []),
    ...(t.sectionId
      ? [(i: string) => `${i}state_hub_task_id: ${scalar(t.sectionId?.[0] ?? '', t.sectionId?.[1] ?? 'double')}${E}`]
      : []),
    ...t.sectionDecor.entries,
  ];
  const block = shuffle(own, t.order)
    .map((entry) => entry(''))
    .join('');
  const prose = t.prose ? `What this task is about.${E}${E}` : '';
  const shell = t.shellBlock ? `\`\`\`bash${E}echo not the task block${E}\`\`\`${E}${E}` : '';
  return `## ${t.label}${t.separator}${t.sectionTitle}${E}${E}${prose}${shell}\`\`\`yaml${E}${block}\`\`\`${E}${E}`;
}
