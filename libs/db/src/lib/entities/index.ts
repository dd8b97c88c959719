import { ActivityDefinitionEntity } from './activity-definition.entity';
import { ActivityRunEntity } from './activity-run.entity';
import { CronScheduleStateEntity } from './cron-schedule-state.entity';
import { DeadLetterEntity } from './dead-letter.entity';
import { DeadLetterRedriveEntity } from './dead-letter-redrive.entity';
import { DecisionEntity } from './decision.entity';
import { DomainGoalEntity } from './domain-goal.entity';
import { DomainEntity } from './domain.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ProgressEventEntity } from './progress-event.entity';
import { RepoEntity } from './repo.entity';
import { TaskEntity } from './task.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WorkplanFileEntity } from './workplan-file.entity';
import { WorkstreamEntity } from './workstream.entity';

export {
  ActivityDefinitionEntity,
  ActivityRunEntity,
  CronScheduleStateEntity,
  DeadLetterEntity,
  DeadLetterRedriveEntity,
  DecisionEntity,
  DomainEntity,
  DomainGoalEntity,
  OutboxEventEntity,
  ProgressEventEntity,
  RepoEntity,
  TaskEntity,
  WebhookDeliveryEntity,
  WorkplanFileEntity,
  WorkstreamEntity,
};

/** Every entity, as a class array (the apps are bundled, so no globs). */
export const ENTITIES = [
  DomainEntity,
  RepoEntity,
  WorkstreamEntity,
  TaskEntity,
  DecisionEntity,
  DomainGoalEntity,
  ProgressEventEntity,
  OutboxEventEntity,
  ActivityDefinitionEntity,
  ActivityRunEntity,
  CronScheduleStateEntity,
  WorkplanFileEntity,
  DeadLetterEntity,
  DeadLetterRedriveEntity,
  WebhookDeliveryEntity,
];
