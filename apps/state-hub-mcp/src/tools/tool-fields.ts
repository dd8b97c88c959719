// Argument schemas shared by several tools, with the hub's limits, so an agent
// learns of a bad value from the schema before the hub is asked.
import { z } from 'zod';
import {
  DECISION_STATUSES,
  EVENT_TYPE_PATTERN,
  REPO_STATUSES,
  SLUG_PATTERN,
  WORKPLAN_ID_PATTERN,
  WORKSTREAM_STATUSES,
} from '@state-hub/hub-client';

export const slugField = (description: string) =>
  z
    .string()
    .max(64)
    .regex(SLUG_PATTERN, { error: 'must be a lowercase slug such as "state-hub"' })
    .describe(description);

export const uuidField = (description: string) => z.uuid({ error: 'must be a UUID' }).describe(description);

export const workplanIdField = (description: string) =>
  z.string().max(64).regex(WORKPLAN_ID_PATTERN, { error: 'must look like STATE-WP-0064' }).describe(description);

export const textField = (max: number, description: string) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max).describe(description);

export const eventTypeField = (description: string) =>
  z
    .string()
    .max(100)
    .regex(EVENT_TYPE_PATTERN, { error: 'must be lowercase snake_case, e.g. task_completed' })
    .describe(description);

/** How many rows to return: 1..100. */
export const limitField = (fallback: number) =>
  z
    .int({ error: 'must be an integer between 1 and 100' })
    .min(1, { error: 'must be an integer between 1 and 100' })
    .max(100, { error: 'must be an integer between 1 and 100' })
    .default(fallback)
    .describe(`how many to return, 1..100 (default ${fallback})`);

export const offsetField = () =>
  z
    .int({ error: 'must be an integer between 0 and 1000000' })
    .min(0, { error: 'must be an integer between 0 and 1000000' })
    .max(1_000_000, { error: 'must be an integer between 0 and 1000000' })
    .default(0)
    .describe('how many to skip, for the next page (default 0)');

export const repoStatusField = () => z.enum(REPO_STATUSES).describe('repo status');
export const workstreamStatusField = () => z.enum(WORKSTREAM_STATUSES).describe('workstream status');
export const decisionStatusField = () => z.enum(DECISION_STATUSES).describe('decision status');
