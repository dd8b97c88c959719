// The status and priority vocabularies of the read model, shared by entities,
// DTOs and services. Order matters where noted: Postgres sorts enum values in
// declaration order, which is how /next-steps ranks priorities.

export const REPO_STATUSES = ['active', 'archived'] as const;
export type RepoStatus = (typeof REPO_STATUSES)[number];

export const WORKSTREAM_STATUSES = ['draft', 'active', 'blocked', 'completed', 'archived'] as const;
export type WorkstreamStatus = (typeof WORKSTREAM_STATUSES)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Highest first: the enum order is the ranking order. */
export const TASK_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** What the consistency sweep last made of a workplan file. */
export const WORKPLAN_FILE_STATUSES = ['synced', 'error', 'orphaned'] as const;
export type WorkplanFileStatus = (typeof WORKPLAN_FILE_STATUSES)[number];

export const DECISION_STATUSES = ['open', 'resolved'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'abandoned'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Slugs for domains and repos: lowercase words joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** Workplan ids such as STATE-WP-0064. */
export const WORKPLAN_ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+$/;
/** Task keys such as STATE-WP-0064-T01 (or a bare T01 inside one workplan). */
export const TASK_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Where a definition stands after loading its file. */
export const DEFINITION_STATES = ['loaded', 'invalid', 'disabled'] as const;
export type DefinitionState = (typeof DEFINITION_STATES)[number];

export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'skipped', 'timed_out', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const TRIGGER_KINDS = ['event', 'cron', 'manual'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** How events reach the engine: a JetStream durable consumer, or the hub's outbox in the same process. */
export const EVENT_DELIVERIES = ['jetstream', 'outbox'] as const;
export type EventDelivery = (typeof EVENT_DELIVERIES)[number];

/** Git hosts whose push webhooks the hub takes (`POST /webhooks/<host>`). */
export const WEBHOOK_HOSTS = ['github', 'gitea', 'gitlab'] as const;
export type WebhookHost = (typeof WEBHOOK_HOSTS)[number];
