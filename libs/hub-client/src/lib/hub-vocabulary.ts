// The hub's statuses, priorities and key formats, as its OpenAPI document
// states them: the lists are generated with the types (generated/hub-api.ts),
// the patterns are read from the document itself. Nothing here is typed by hand.
import {
  decisionViewStatusValues,
  repoViewStatusValues,
  taskViewPriorityValues,
  taskViewStatusValues,
  workstreamViewStatusValues,
} from './generated/hub-api';
import { hubOpenApiDocument } from './hub-document';
import type { HubSchemas } from './hub-client';

export type RepoStatus = HubSchemas['RepoView']['status'];
export type WorkstreamStatus = HubSchemas['WorkstreamView']['status'];
export type TaskStatus = HubSchemas['TaskView']['status'];
export type TaskPriority = HubSchemas['TaskView']['priority'];
export type DecisionStatus = HubSchemas['DecisionView']['status'];

export const REPO_STATUSES: readonly RepoStatus[] = repoViewStatusValues;
export const WORKSTREAM_STATUSES: readonly WorkstreamStatus[] = workstreamViewStatusValues;
export const TASK_STATUSES: readonly TaskStatus[] = taskViewStatusValues;
/** Highest first. */
export const TASK_PRIORITIES: readonly TaskPriority[] = taskViewPriorityValues;
export const DECISION_STATUSES: readonly DecisionStatus[] = decisionViewStatusValues;

const schemas = hubOpenApiDocument.components.schemas;

/** Slugs of domains and repos, e.g. `state-hub`. */
export const SLUG_PATTERN = new RegExp(schemas.RegisterRepoDto.properties.slug.pattern);
/** Workplan ids such as STATE-WP-0064. */
export const WORKPLAN_ID_PATTERN = new RegExp(schemas.CreateWorkstreamDto.properties.workplan_id.pattern);
/** Progress event types, lowercase snake_case such as `task_completed`. */
export const EVENT_TYPE_PATTERN = new RegExp(schemas.CreateProgressEventDto.properties.event_type.pattern);
