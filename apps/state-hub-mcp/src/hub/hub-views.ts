// The hub's JSON answers as zod schemas: every answer is checked on arrival
// (an unexpected shape is an error, not a guess), and the same schemas are the
// tools' output schemas. Objects are loose: fields the hub adds later pass through.
import { z } from 'zod';
import {
  DECISION_STATUSES,
  REPO_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  WORKSTREAM_STATUSES,
} from './hub-vocabulary';

const id = z.string().describe('UUID');
const timestamp = z.string().describe('RFC 3339 timestamp');
const nullableText = z.string().nullable();

export const RepoViewSchema = z.looseObject({
  id,
  slug: z.string(),
  name: z.string(),
  domain: z.string().describe('domain slug'),
  status: z.enum(REPO_STATUSES),
  remote_url: nullableText,
  local_path: nullableText,
  default_branch: z.string(),
  last_commit_sha: nullableText,
  last_commit_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type RepoView = z.infer<typeof RepoViewSchema>;

export const WorkstreamViewSchema = z.looseObject({
  id,
  workplan_id: z.string(),
  title: z.string(),
  status: z.enum(WORKSTREAM_STATUSES),
  repo: z.string().describe('repo slug'),
  domain: z.string().describe('domain slug'),
  owner: nullableText,
  source_path: nullableText,
  completed_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type WorkstreamView = z.infer<typeof WorkstreamViewSchema>;

export const TaskViewSchema = z.looseObject({
  id,
  task_key: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  position: z.number(),
  workstream_id: id,
  started_at: timestamp.nullable(),
  completed_at: timestamp.nullable(),
});
export type TaskView = z.infer<typeof TaskViewSchema>;

export const WorkstreamDetailViewSchema = WorkstreamViewSchema.extend({ tasks: z.array(TaskViewSchema) });
export type WorkstreamDetailView = z.infer<typeof WorkstreamDetailViewSchema>;

export const DecisionViewSchema = z.looseObject({
  id,
  title: z.string(),
  context: nullableText,
  status: z.enum(DECISION_STATUSES),
  domain: z.string().describe('domain slug'),
  repo_id: id.nullable(),
  workstream_id: id.nullable(),
  resolution: nullableText,
  resolved_by: nullableText,
  resolved_at: timestamp.nullable(),
  created_at: timestamp,
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const ProgressEventViewSchema = z.looseObject({
  id,
  event_type: z.string(),
  summary: z.string(),
  detail: z.record(z.string(), z.unknown()),
  repo_id: id.nullable(),
  workstream_id: id.nullable(),
  task_id: id.nullable(),
  actor: nullableText,
  occurred_at: timestamp,
});
export type ProgressEventView = z.infer<typeof ProgressEventViewSchema>;

export const NextStepViewSchema = z.looseObject({
  task_id: id,
  task_key: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  workstream_id: id,
  workplan_id: z.string(),
  workstream_title: z.string(),
  repo: z.string(),
  domain: z.string(),
  created_at: timestamp,
});
export type NextStepView = z.infer<typeof NextStepViewSchema>;

export const NextStepsViewSchema = z.object({ items: z.array(NextStepViewSchema) });
export type NextStepsView = z.infer<typeof NextStepsViewSchema>;

export const HealthViewSchema = z.looseObject({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['up', 'down']),
  nats: z.enum(['disabled', 'connecting', 'up', 'down']).describe('event publishing to NATS'),
  outbox_pending: z.number().nullable().describe('events waiting in the outbox'),
  version: z.string(),
});
export type HealthView = z.infer<typeof HealthViewSchema>;

/** `{items, total, limit, offset}`, the shape of every hub list. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('rows matching the filters, across all pages'),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The hub's error body: `{status_code, error, message, …}`. */
export const HubErrorBodySchema = z.looseObject({
  status_code: z.number().optional(),
  error: z.string().optional(),
  message: z.string(),
});
