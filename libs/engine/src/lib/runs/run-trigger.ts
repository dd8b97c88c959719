import type { EventEnvelope } from '@state-hub/envelope';
import type { TriggerKind } from '@state-hub/db';

/** What started a run; `key` is unique per definition (event id, `cron:<slot>`, `manual:<uuid>`, `replay:<uuid>`). */
export interface RunTrigger {
  kind: TriggerKind;
  key: string;
  event?: EventEnvelope;
  /** How the event differs from the v1 catalog (see eventWarnings); recorded on the run. */
  warnings?: string[];
  /** The run this one replays (POST /runs/:id/replay). */
  replayOf?: string;
}
