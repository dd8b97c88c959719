// The run history table: a run is claimed by INSERTing its row first, so the
// UNIQUE (definition_id, trigger_key) decides which delivery or replica runs it.
// Nothing is written before redactSecrets has hidden every registered secret in
// it: a token `${VAR}` put in a URL, echoed by a server or printed by a command.
// Claims and outcomes of concurrent runs are written a batch per statement (see
// WriteBatcher): one commit for a pull's worth of runs, not one per run.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import { redactSecrets } from '@state-hub/config';
import { ActivityRunEntity, type RunStatus } from '@state-hub/db';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { isDatabaseUnavailable } from './database-wait';
import type { RunTrigger } from './run-trigger';
import { WriteBatcher } from './write-batcher';

export type RunFinish = Pick<ActivityRunEntity, 'status'> &
  Partial<Pick<ActivityRunEntity, 'skip_reason' | 'context' | 'rule' | 'result' | 'error'>>;

/** The columns a new run row is given (the rest take their defaults: id, started_at). */
type NewRun = Pick<
  ActivityRunEntity,
  | 'definition_id'
  | 'definition_hash'
  | 'trigger_kind'
  | 'trigger_key'
  | 'event_type'
  | 'trigger_event'
  | 'replay_of'
  | 'warnings'
  | 'replica'
  | 'context'
  | 'status'
> &
  Partial<Pick<ActivityRunEntity, 'skip_reason' | 'deadline_at' | 'finished_at' | 'duration_ms'>>;

/** A run's whole outcome, as the finishing UPDATE writes it. */
type RunOutcome = Pick<
  ActivityRunEntity,
  'id' | 'status' | 'skip_reason' | 'context' | 'rule' | 'result' | 'error' | 'finished_at' | 'duration_ms'
>;

// One jsonb parameter carries the batch's rows; jsonb_to_recordset turns it back into typed columns.
const NEW_RUN_COLUMNS = {
  definition_id: 'varchar',
  definition_hash: 'varchar',
  trigger_kind: 'trigger_kind',
  trigger_key: 'varchar',
  event_type: 'varchar',
  trigger_event: 'jsonb',
  replay_of: 'uuid',
  warnings: 'jsonb',
  replica: 'varchar',
  context: 'jsonb',
  status: 'run_status',
  skip_reason: 'text',
  deadline_at: 'timestamptz',
  finished_at: 'timestamptz',
  duration_ms: 'integer',
};
const OUTCOME_COLUMNS = {
  id: 'uuid',
  status: 'run_status',
  skip_reason: 'text',
  context: 'jsonb',
  rule: 'jsonb',
  result: 'jsonb',
  error: 'text',
  finished_at: 'timestamptz',
  duration_ms: 'integer',
};
const names = (columns: object) => Object.keys(columns).join(', ');
const recordType = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');

const CLAIM_SQL =
  `INSERT INTO activity_runs (${names(NEW_RUN_COLUMNS)}) ` +
  `SELECT ${names(NEW_RUN_COLUMNS)} FROM jsonb_to_recordset($1::jsonb) AS v(${recordType(NEW_RUN_COLUMNS)}) ` +
  'ON CONFLICT DO NOTHING RETURNING id, started_at, definition_id, trigger_key';
const FINISH_SQL =
  'UPDATE activity_runs AS r SET ' +
  Object.keys(OUTCOME_COLUMNS)
    .filter((c) => c !== 'id')
    .map((c) => `${c} = v.${c}`)
    .join(', ') +
  ` FROM jsonb_to_recordset($1::jsonb) AS v(${recordType(OUTCOME_COLUMNS)}) WHERE r.id = v.id`;

/** A new run's columns that NEW_RUN_COLUMNS may leave out, as the table's defaults fill them. */
const UNSET_RUN_COLUMNS = {
  skip_reason: null,
  rule: null,
  result: null,
  error: null,
  deadline_at: null,
  finished_at: null,
  duration_ms: null,
} satisfies Partial<ActivityRunEntity>;

/** Most rows per statement, and statements under way at once, for claims and for outcomes each. */
const MAX_BATCH = 100;
const MAX_CONCURRENT_WRITES = 2;

const claimKey = (run: Pick<ActivityRunEntity, 'definition_id' | 'trigger_key'>) =>
  JSON.stringify([run.definition_id, run.trigger_key]);

@Injectable()
export class RunRecorder {
  private readonly replica: string;
  private readonly claims: WriteBatcher<NewRun, ActivityRunEntity | undefined>;
  private readonly outcomes: WriteBatcher<RunOutcome, void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.replica = config.get('REPLICA_ID', { infer: true });
    const batching = {
      maxBatch: MAX_BATCH,
      maxConcurrent: MAX_CONCURRENT_WRITES,
      retrySingly: (error: unknown) => !isDatabaseUnavailable(error),
    };
    this.claims = new WriteBatcher({ ...batching, write: (rows) => this.insertRuns(rows) });
    this.outcomes = new WriteBatcher({ ...batching, write: (rows) => this.updateOutcomes(rows) });
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

  /** Writes the run's whole outcome: a column the finish leaves out is cleared (context to {}). */
  async finish(run: ActivityRunEntity, finish: RunFinish): Promise<ActivityRunEntity> {
    const finishedAt = new Date();
    const redacted = redactSecrets(finish);
    const outcome: RunOutcome = {
      id: run.id,
      status: redacted.status,
      skip_reason: redacted.skip_reason ?? null,
      context: redacted.context ?? {},
      rule: redacted.rule ?? null,
      result: redacted.result ?? null,
      error: redacted.error ?? null,
      finished_at: finishedAt,
      duration_ms: Math.max(0, finishedAt.getTime() - run.started_at.getTime()),
    };
    await this.outcomes.add(outcome);
    return { ...run, ...outcome };
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

  private insert(
    definition: LoadedDefinition,
    trigger: RunTrigger,
    fields: Pick<NewRun, 'status'> & Partial<NewRun>,
  ): Promise<ActivityRunEntity | undefined> {
    return this.claims.add(
      redactSecrets({
        definition_id: definition.id,
        definition_hash: definition.contentHash,
        trigger_kind: trigger.kind,
        trigger_key: trigger.key,
        event_type: trigger.event?.type ?? null,
        // kept whole, so that a replay runs on exactly this event
        trigger_event: (trigger.event as unknown as Record<string, unknown>) ?? null,
        replay_of: trigger.replayOf ?? null,
        warnings: trigger.warnings ?? [],
        replica: this.replica,
        context: {},
        ...fields,
      }),
    );
  }

  /** One INSERT for the batch; a row whose key is taken (already, or earlier in this batch) gets undefined. */
  private async insertRuns(rows: NewRun[]): Promise<Array<ActivityRunEntity | undefined>> {
    const first = new Map<string, NewRun>();
    for (const row of rows) if (!first.has(claimKey(row))) first.set(claimKey(row), row);
    const inserted = (await this.dataSource.query(CLAIM_SQL, [JSON.stringify([...first.values()])])) as Array<
      Pick<ActivityRunEntity, 'id' | 'started_at' | 'definition_id' | 'trigger_key'>
    >;
    const byKey = new Map(inserted.map((run) => [claimKey(run), run]));
    return rows.map((row) => {
      const run = first.get(claimKey(row)) === row ? byKey.get(claimKey(row)) : undefined;
      // The row as stored: what was sent, the columns it left to their defaults, and what the database chose.
      return run && { ...UNSET_RUN_COLUMNS, ...row, id: run.id, started_at: run.started_at };
    });
  }

  private async updateOutcomes(rows: RunOutcome[]): Promise<void[]> {
    await this.dataSource.query(FINISH_SQL, [JSON.stringify(rows)]);
    return rows.map(() => undefined);
  }
}
