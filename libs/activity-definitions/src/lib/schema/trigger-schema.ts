// When a definition runs: on a cron schedule, on a matching event, or only when asked.
import { z } from 'zod';
import picomatch from 'picomatch';
import { isValidSubjectPattern } from '@state-hub/subjects';
import { DURATION_PATTERN, parseDuration } from './duration';
import { ATTRIBUTE_NAME_PATTERN } from './names';
import { isValidTimezone } from './timezone';

export const CronTriggerSchema = z
  .strictObject({
    trigger_type: z.literal('cron'),
    cron_expression: z
      .string()
      .min(1)
      .describe('Five fields (minute hour day-of-month month day-of-week) or @hourly/@daily/@weekly/@monthly/@yearly.'),
    timezone: z
      .string()
      .refine(isValidTimezone, { error: (issue) => `unknown IANA timezone ${JSON.stringify(issue.input)}` })
      .default('UTC')
      .describe('IANA timezone the expression is read in, e.g. UTC or Europe/Berlin. Default UTC.'),
    misfire_policy: z
      .literal('skip')
      .default('skip')
      .describe('skip: a tick that arrives while the previous run is still active is recorded as skipped.'),
    catchup_window: z
      .string()
      .regex(DURATION_PATTERN, { error: 'must be a duration such as 90s, 30m, 1h or 1h30m' })
      // Only when the format is right, so one mistake gives one message.
      .refine((text) => !DURATION_PATTERN.test(text) || parseDuration(text) !== undefined, {
        error: 'must be a positive duration',
      })
      .optional()
      .describe('When set, one run is made up for a tick missed (e.g. while the engine was down) within this window.'),
  })
  .describe('Run on a schedule.');

function isValidGlob(glob: string): boolean {
  if (glob === '') return true; // reported by min(1)
  try {
    picomatch.makeRe(glob);
    return true;
  } catch {
    return false;
  }
}

export const EventTriggerSchema = z
  .strictObject({
    trigger_type: z.literal('event'),
    event_type: z
      .string()
      .refine(isValidSubjectPattern, {
        error: (issue) =>
          `must be a NATS subject or pattern (dot-separated tokens, * for one token, > last), got ${JSON.stringify(issue.input)}`,
      })
      .describe('Subject to react to; NATS wildcards allowed: * one token, > the rest (last token only).'),
    filters: z
      .record(
        z.string().regex(ATTRIBUTE_NAME_PATTERN, { error: 'attribute names are snake_case' }),
        z.string().min(1).refine(isValidGlob, { error: 'invalid glob pattern' }),
      )
      .optional()
      .describe('Glob per top-level attribute; every one must match. A missing attribute never matches.'),
  })
  .describe('Run for each event whose subject and attributes match.');

export const ManualTriggerSchema = z
  .strictObject({ trigger_type: z.literal('manual') })
  .describe('Run only when triggered by hand (engine API or CLI).');

export const TriggerSchema = z.discriminatedUnion('trigger_type', [
  CronTriggerSchema,
  EventTriggerSchema,
  ManualTriggerSchema,
]);

export type Trigger = z.output<typeof TriggerSchema>;
export type CronTrigger = z.output<typeof CronTriggerSchema>;
export type EventTrigger = z.output<typeof EventTriggerSchema>;
