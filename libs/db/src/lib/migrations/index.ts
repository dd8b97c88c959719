import { InitialSchema1795467572364 } from './1795467572364-initial-schema';
import { OutboxAndCommits1795469042099 } from './1795469042099-outbox-and-commits';
import { OutboxClaimIndex1795470544359 } from './1795470544359-outbox-claim-index';
import { ActivityEngine1795471343554 } from './1795471343554-activity-engine';
import { MaintenanceSweep1795477333174 } from './1795477333174-maintenance-sweep';
import { DeadLetters1796426855065 } from './1796426855065-dead-letters';
import { RunWarnings1796431097279 } from './1796431097279-run-warnings';
import { DeadLetterRedrivesAndRunReplay1796431202886 } from './1796431202886-dead-letter-redrives-and-run-replay';
import { WebhookDeliveries1796431299392 } from './1796431299392-webhook-deliveries';
import { NextStepsIndex1796508927815 } from './1796508927815-next-steps-index';
import { DecisionWorkstreamAndDeliveryAgeIndexes1796572800000 } from './1796572800000-decision-workstream-and-delivery-age-indexes';

/** Every migration in order, as a class array (the apps are bundled, so no globs). */
export const MIGRATIONS = [
  InitialSchema1795467572364,
  OutboxAndCommits1795469042099,
  OutboxClaimIndex1795470544359,
  ActivityEngine1795471343554,
  MaintenanceSweep1795477333174,
  DeadLetters1796426855065,
  RunWarnings1796431097279,
  DeadLetterRedrivesAndRunReplay1796431202886,
  WebhookDeliveries1796431299392,
  NextStepsIndex1796508927815,
  DecisionWorkstreamAndDeliveryAgeIndexes1796572800000,
];
