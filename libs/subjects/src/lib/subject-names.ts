// The only place subject strings are spelled out; everything else refers to SUBJECTS.

export const SUBJECTS = {
  repoRegistered: 'org.statehub.repo.registered',
  workstreamCompleted: 'org.statehub.workstream.completed',
  decisionResolved: 'org.statehub.decision.resolved',
  domainGoalActivated: 'org.statehub.domain.goal.activated',
  taskStale: 'org.statehub.task.stale',
  commitPushed: 'org.repo.commit.pushed',
} as const;

export type Subject = (typeof SUBJECTS)[keyof typeof SUBJECTS];
