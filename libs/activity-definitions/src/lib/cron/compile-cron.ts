// A cron trigger compiled with croner: the next tick, and the ticks in a span
// (so the engine can account for slots missed while it was down).
import { Cron } from 'croner';
import { parseDuration } from '../schema/duration';

export interface CompiledCron {
  readonly expression: string;
  readonly timezone: string;
  /** The first tick strictly after `after`, or null when the schedule never fires again. */
  nextSlot(after: Date): Date | null;
  /** Ticks with from < tick <= to, oldest first, at most `max` of them. */
  slotsBetween(from: Date, to: Date, max: number): Date[];
  /** Set when the trigger has a catchup_window. */
  readonly catchupWindowMs?: number;
}

export interface CronSpec {
  cron_expression: string;
  timezone: string;
  catchup_window?: string;
}

export class CronCompileError extends Error {
  override name = 'CronCompileError';
}

// Five fields (minute hour day-of-month month day-of-week), or six with a leading seconds field for
// sub-minute schedules; croner's seven-field form (years) is not accepted.
const NICKNAME = /^@(?:yearly|annually|monthly|weekly|daily|hourly)$/i;

export function compileCron(spec: CronSpec): CompiledCron {
  const expression = spec.cron_expression.trim();
  const fields = expression.split(/\s+/).length;
  if (!NICKNAME.test(expression) && fields !== 5 && fields !== 6) {
    throw new CronCompileError(
      `invalid cron expression ${JSON.stringify(expression)}: expected 5 fields (minute hour day-of-month month day-of-week) or 6 with a leading seconds field, got ${fields}`,
    );
  }
  let cron: Cron;
  try {
    cron = new Cron(expression, { timezone: spec.timezone, paused: true, mode: '5-or-6-parts' });
    // Croner checks the timezone lazily; ask for a date now so a bad one fails at load.
    if (cron.nextRun(new Date()) === null) throw new Error('it never matches a date');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CronCompileError(`invalid cron expression ${JSON.stringify(expression)}: ${reason}`);
  }
  const catchupWindowMs = spec.catchup_window === undefined ? undefined : parseDuration(spec.catchup_window);
  return {
    expression,
    timezone: spec.timezone,
    ...(catchupWindowMs === undefined ? {} : { catchupWindowMs }),
    nextSlot: (after) => cron.nextRun(after),
    slotsBetween: (from, to, max) => slotsBetween(cron, from, to, max),
  };
}

function slotsBetween(cron: Cron, from: Date, to: Date, max: number): Date[] {
  const slots: Date[] = [];
  let cursor = cron.nextRun(from);
  while (cursor && cursor.getTime() <= to.getTime() && slots.length < max) {
    slots.push(cursor);
    cursor = cron.nextRun(cursor);
  }
  return slots;
}
