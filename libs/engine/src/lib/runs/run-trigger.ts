import type { EventEnvelope } from '@state-hub/envelope';
import type { TriggerKind } from '@state-hub/db';

/** What started a run; `key` is unique per definition (event id, `cron:<slot>`, `manual:<uuid>`). */
export interface RunTrigger {
  kind: TriggerKind;
  key: string;
  event?: EventEnvelope;
}
