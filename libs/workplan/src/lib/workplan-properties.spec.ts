// Property tests over generated workplans: the parser reads what was written,
// and the writer adds or corrects ids without touching any other byte.
import fc from 'fast-check';
import { workplanArb, type GeneratedWorkplan } from '../testing/workplan-arbitraries';
import { parseWorkplan } from './parse-workplan';
import type { Workplan, WritebackIds } from './types';
import { writeBackIds } from './write-back-ids';

function workplanOf(text: string): Workplan {
  const result = parseWorkplan(text, 'workplans/generated.md');
  if (result.kind !== 'workplan') throw new Error(`expected a workplan, got ${JSON.stringify(result)}\n${text}`);
  return result.workplan;
}

/** The file without any state_hub_* id: whole lines in block style, the `, key: "…"` entry in flow style. */
function withoutIds(text: string): string {
  return text
    .replace(/^[ \t]*state_hub_(?:task|workstream)_id:.*(?:\r?\n|$)/gm, '')
    .replace(/, state_hub_task_id: (?:"[^"]*"|'[^']*'|[^,}\s]+)(?=\})/g, '');
}

const expectedId = (task: GeneratedWorkplan['tasks'][number]) => task.sectionId ?? task.frontMatterId;

/** A workplan and ids to write into it: new ones, ones it already has, and a key it does not know. */
const scenario = workplanArb.chain((plan) =>
  fc.record({
    plan: fc.constant(plan),
    workstreamId: fc.option(fc.oneof(fc.uuid(), fc.constant(plan.workstreamId ?? 'ws-plain-id')), { nil: undefined }),
    picks: fc.subarray(plan.tasks),
    fresh: fc.array(fc.uuid(), { minLength: plan.tasks.length, maxLength: plan.tasks.length }),
    keepExisting: fc.array(fc.boolean(), { minLength: plan.tasks.length, maxLength: plan.tasks.length }),
    unknownKey: fc.boolean(),
  }),
);

function scenarioValue(s: {
  plan: GeneratedWorkplan;
  workstreamId?: string;
  picks: GeneratedWorkplan['tasks'];
  fresh: string[];
  keepExisting: boolean[];
  unknownKey: boolean;
}) {
  const taskIds: Record<string, string> = {};
  s.picks.forEach((task, i) => {
    const existing = expectedId(task);
    taskIds[task.key] = s.keepExisting[i] && existing ? existing : s.fresh[i];
  });
  if (s.unknownKey) taskIds['NOT-IN-FILE-T99'] = s.fresh[0] ?? 'x';
  const ids: WritebackIds = { ...(s.workstreamId ? { workstreamId: s.workstreamId } : {}), taskIds };
  // Changed exactly when some place that holds (or lacks) an id holds a different one.
  const taskChanges = s.picks.some((task) => {
    const id = taskIds[task.key];
    const places = [
      ...(task.notation !== 'section' ? [task.frontMatterId] : []),
      ...(task.notation !== 'front_matter' ? [task.sectionId] : []),
    ];
    return places.some((place) => place !== id);
  });
  const changed = taskChanges || (s.workstreamId !== undefined && s.workstreamId !== s.plan.workstreamId);
  return { ids, changed };
}

describe('generated workplans', () => {
  it('parse to exactly what was written', () => {
    fc.assert(
      fc.property(workplanArb, (plan) => {
        const workplan = workplanOf(plan.text);
        expect(workplan.id).toBe(plan.id);
        expect(workplan.status).toBe(plan.status);
        expect(workplan.stateHubWorkstreamId).toBe(plan.workstreamId);
        expect(Object.keys(workplan.extra).sort()).toEqual([...plan.extraKeys].sort());
        expect(
          workplan.tasks.map((t) => ({
            key: t.key,
            title: t.title,
            status: t.status,
            notation: t.notation,
            id: t.stateHubTaskId,
          })),
        ).toEqual(
          plan.tasks.map((t) => ({
            key: t.key,
            title: t.title,
            status: t.status,
            notation: t.notation,
            id: expectedId(t),
          })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('writeBackIds: the ids read back, nothing else changes, a second run is a no-op', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ids, changed } = scenarioValue(s);
        const before = workplanOf(s.plan.text);
        const result = writeBackIds(s.plan.text, ids);

        expect(result.changed).toBe(changed);
        expect(result.changed).toBe(result.text !== s.plan.text);
        expect(result.unmatched).toEqual(s.unknownKey ? ['NOT-IN-FILE-T99'] : []);

        const after = workplanOf(result.text);
        expect(after.stateHubWorkstreamId).toBe(ids.workstreamId ?? s.plan.workstreamId);
        const taskIds = ids.taskIds ?? {};
        for (const task of after.tasks) {
          const original = s.plan.tasks.find((t) => t.key === task.key);
          expect(task.stateHubTaskId).toBe(taskIds[task.key] ?? (original && expectedId(original)));
        }
        const strip = (w: Workplan) => ({
          ...w,
          stateHubWorkstreamId: undefined,
          tasks: w.tasks.map((t) => ({ ...t, stateHubTaskId: undefined })),
          // an added line moves the lines after it
          warnings: w.warnings.map((p) => p.reason.replace(/line \d+/g, 'line n')),
        });
        expect(strip(after)).toEqual(strip(before));

        expect(withoutIds(result.text)).toBe(withoutIds(s.plan.text));

        expect(writeBackIds(result.text, ids)).toEqual({
          text: result.text,
          changed: false,
          edits: [],
          unmatched: result.unmatched,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('parse never throws and locates every error, even with random damage', () => {
    const damage = fc.tuple(
      fc.nat(),
      fc.nat({ max: 5 }),
      fc.string({
        unit: fc.constantFrom(':', '-', ' ', '\n', '"', '[', '{', '`', '#', '---', 'id: x', '  '),
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(workplanArb, damage, (plan, [at, cut, insert]) => {
        const position = at % (plan.text.length + 1);
        const text = plan.text.slice(0, position) + insert + plan.text.slice(position + cut);
        const result = parseWorkplan(text, 'workplans/damaged.md');
        if (result.kind === 'error') {
          expect(result.problem.line).toBeGreaterThanOrEqual(1);
          expect(result.problem.reason).not.toMatch(/^could not be read/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
