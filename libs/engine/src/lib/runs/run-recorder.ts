// The run history table: a run is claimed by INSERTing its row first, so the
// UNIQUE (definition_id, trigger_key) decides which delivery or replica runs it.
// Nothing is written before redactSecrets has hidden every registered secret in
// it: a token `${VAR}` put in a URL, echoed by a server or printed by a command.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import { redactSecrets } from '@state-hub/config';
import { ActivityRunEntity, type RunStatus } from '@state-hub/db';
import { DataSource, type QueryDeepPartialEntity } from 'typeorm';

// jsonb columns are typed Record<string, unknown>; TypeORM's deep-partial type cannot see they take plain JSON.
type RunValues = QueryDeepPartialEntity<ActivityRunEntity>;
import type { AppConfig } from '../config/app-config';
import type { RunTrigger } from './run-trigger';

export type RunFinish = Pick<ActivityRunEntity, 'status'> &
  Partial<Pick<ActivityRunEntity, 'skip_reason' | 'context' | 'rule' | 'result' | 'error'>>;

@Injectable()
export class RunRecorder {
  private readonly replica: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.replica = config.get('REPLICA_ID', { infer: true });
  }

  /** Inserts the run as `running`; undefined when this trigger already has a run (redelivery, other replica). */
  async claim(
    definition: LoadedDefinition,
    trigger: RunTrigger,
    deadline: Date,
  ): Promise<ActivityRunEntity | undefined> {
    return this.insert(definition, trigger, { status: 'running', deadline_at: deadline });
  }

  /** Records a run that never started (overlap, missed tick) in one step; undefined if the key is taken. */
  async recordSkipped(definition: LoadedDefinition, trigger: RunTrigger, reason: string) {
    const now = new Date();
    return this.insert(definition, trigger, {
      status: 'skipped',
      skip_reason: reason,
      finished_at: now,
      duration_ms: 0,
    });
  }

  async finish(run: ActivityRunEntity, finish: RunFinish): Promise<ActivityRunEntity> {
    const finishedAt = new Date();
    const patch = {
      ...redactSecrets(finish),
      finished_at: finishedAt,
      duration_ms: Math.max(0, finishedAt.getTime() - run.started_at.getTime()),
    };
    await this.dataSource.getRepository(ActivityRunEntity).update({ id: run.id }, patch as RunValues);
    return { ...run, ...patch };
  }

  /** Any run of the definition still `running` (for misfire_policy skip). */
  async hasRunning(definitionId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(ActivityRunEntity)
      .exists({ where: { definition_id: definitionId, status: 'running' } });
  }

  /** Marks runs whose replica died (still running past their deadline) as abandoned; returns how many. */
  async abandonOverdue(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ActivityRunEntity)
      .set({ status: 'abandoned' satisfies RunStatus, finished_at: now, error: 'still running past its deadline' })
      .where("status = 'running' AND deadline_at < :now", { now })
      .execute();
    return result.affected ?? 0;
  }

  private async insert(
    definition: LoadedDefinition,
    trigger: RunTrigger,
    fields: Partial<ActivityRunEntity>,
  ): Promise<ActivityRunEntity | undefined> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ActivityRunEntity)
      .values(
        redactSecrets({
          definition_id: definition.id,
          definition_hash: definition.contentHash,
          trigger_kind: trigger.kind,
          trigger_key: trigger.key,
          event_type: trigger.event?.type ?? null,
          // kept whole, so that a replay runs on exactly this event
          trigger_event: trigger.event ?? null,
          replay_of: trigger.replayOf ?? null,
          warnings: trigger.warnings ?? [],
          replica: this.replica,
          context: {},
          ...fields,
        }) as RunValues,
      )
      .orIgnore() // ON CONFLICT DO NOTHING
      .returning('*')
      .execute();
    const raw = (result.raw as Record<string, unknown>[])[0];
    return raw ? this.dataSource.getRepository(ActivityRunEntity).create(raw as Partial<ActivityRunEntity>) : undefined;
  }
}
