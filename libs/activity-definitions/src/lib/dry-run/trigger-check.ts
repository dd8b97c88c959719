// Would this trigger start a run? For events: subject and each filter against
// the sample; for cron: the next slots; manual runs only when asked.
import { readEnvelope } from '@state-hub/envelope';
import { subjectMatches } from '@state-hub/subjects';
import { attributeText, compileAttributeGlob } from '../event/attribute-glob';
import { matchesEvent } from '../event/matches-event';
import type { LoadedDefinition } from '../parse/loaded-definition';

export interface FilterCheck {
  attribute: string;
  glob: string;
  /** The text the filter saw; absent when the attribute is missing or null. */
  value?: string;
  matches: boolean;
}

export type TriggerReport =
  | {
      trigger_type: 'event';
      event_type: string;
      sample_type: string;
      subject_matches: boolean;
      filters: FilterCheck[];
      /** Why the engine could not read the sample as an envelope (it would dead-letter it, never run it). */
      envelope_problems: string[];
      matches: boolean;
    }
  | { trigger_type: 'cron'; cron_expression: string; timezone: string; next_slots: CronSlot[]; matches: true }
  | { trigger_type: 'manual'; matches: true };

export interface CronSlot {
  utc: string;
  /** The same instant as wall-clock time in the trigger's timezone. */
  local: string;
}

export const NEXT_SLOTS = 3;

export function checkTrigger(
  loaded: LoadedDefinition,
  event: Record<string, unknown> | null,
  now: Date,
): TriggerReport {
  const trigger = loaded.definition.trigger;
  if (trigger.trigger_type === 'manual') return { trigger_type: 'manual', matches: true };
  if (trigger.trigger_type === 'cron') {
    const slots: CronSlot[] = [];
    let after = now;
    for (let i = 0; i < NEXT_SLOTS && loaded.cron; i++) {
      const slot = loaded.cron.nextSlot(after);
      if (!slot) break;
      slots.push({ utc: slot.toISOString(), local: wallClock(slot, trigger.timezone) });
      after = slot;
    }
    return {
      trigger_type: 'cron',
      cron_expression: trigger.cron_expression,
      timezone: trigger.timezone,
      next_slots: slots,
      matches: true,
    };
  }
  const sample = event ?? {};
  const type = typeof sample['type'] === 'string' ? sample['type'] : '';
  const attributes = isObject(sample['attributes']) ? sample['attributes'] : {};
  const filters = Object.entries(trigger.filters ?? {}).map(([attribute, glob]): FilterCheck => {
    const value = Object.hasOwn(attributes, attribute) ? attributeText(attributes[attribute]) : undefined;
    return {
      attribute,
      glob,
      ...(value === undefined ? {} : { value }),
      matches: value !== undefined && compileAttributeGlob(glob)(value),
    };
  });
  const validation = readEnvelope(sample);
  return {
    trigger_type: 'event',
    event_type: trigger.event_type,
    sample_type: type,
    subject_matches: type !== '' && subjectMatches(trigger.event_type, type),
    filters,
    envelope_problems: validation.ok ? [] : validation.errors,
    matches: matchesEvent(loaded, { type, attributes }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `2025-03-30 03:00 UTC+02:00`: wall-clock time in `timeZone` and its offset. */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC');
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${offset === 'UTC' ? 'UTC+00:00' : offset}`;
}
