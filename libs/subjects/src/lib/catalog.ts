// The v1 catalog (DESIGN §4): one spec per subject, keyed by subject.
import type { z } from 'zod';
import { commitPushed } from './catalog/commit-pushed.subject';
import { decisionResolved } from './catalog/decision-resolved.subject';
import { domainGoalActivated } from './catalog/domain-goal-activated.subject';
import { repoRegistered } from './catalog/repo-registered.subject';
import { taskStale } from './catalog/task-stale.subject';
import { workstreamCompleted } from './catalog/workstream-completed.subject';
import { SUBJECTS, type Subject } from './subject-names';
import type { SubjectSpec } from './subject-spec';

const DEFINITIONS = {
  [SUBJECTS.repoRegistered]: repoRegistered,
  [SUBJECTS.workstreamCompleted]: workstreamCompleted,
  [SUBJECTS.decisionResolved]: decisionResolved,
  [SUBJECTS.domainGoalActivated]: domainGoalActivated,
  [SUBJECTS.taskStale]: taskStale,
  [SUBJECTS.commitPushed]: commitPushed,
};

/** The attributes of a catalog subject, as its schema parses them. */
export type AttributesOf<S extends Subject> = z.output<(typeof DEFINITIONS)[S]['schema']>;

export const CATALOG: { readonly [S in Subject]: SubjectSpec<S> } = DEFINITIONS;

const CATALOG_SUBJECTS: ReadonlySet<string> = new Set(Object.values(SUBJECTS));

export function isCatalogSubject(type: string): type is Subject {
  return CATALOG_SUBJECTS.has(type);
}
