// The hub's statuses, priorities and key formats, as its OpenAPI document
// states them. Kept here rather than imported from libs/db so this thin client
// never bundles TypeORM; hub-vocabulary.spec.ts fails if the two drift apart.

export const REPO_STATUSES = ['active', 'archived'] as const;
export type RepoStatus = (typeof REPO_STATUSES)[number];

export const WORKSTREAM_STATUSES = ['draft', 'active', 'blocked', 'completed', 'archived'] as const;
export type WorkstreamStatus = (typeof WORKSTREAM_STATUSES)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Highest first. */
export const TASK_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const DECISION_STATUSES = ['open', 'resolved'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Slugs for domains and repos, e.g. `state-hub`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** Workplan ids such as STATE-WP-0064. */
export const WORKPLAN_ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+$/;
/** Progress event types, lowercase snake_case such as `task_completed`. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_.-]*$/;
