import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RUN_STATUSES, type RunStatus, TRIGGER_KINDS, type TriggerKind } from '../domain-types';

/**
 * One run of a definition for one trigger. (definition_id, trigger_key) is unique: a redelivered
 * event or a tick seen by two replicas can never run a definition twice.
 */
@Entity({ name: 'activity_runs' })
@Unique('uq_activity_runs_definition_trigger', ['definition_id', 'trigger_key'])
@Index('ix_activity_runs_started_at', ['started_at'])
@Index('ix_activity_runs_status', ['status'])
@Index('ix_activity_runs_replay_of', ['replay_of'])
export class ActivityRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 255 })
  definition_id: string;

  @Column({ type: 'varchar', length: 64 })
  definition_hash: string;

  @Column({ type: 'enum', enum: TRIGGER_KINDS, enumName: 'trigger_kind' })
  trigger_kind: TriggerKind;

  /** Event id, cron slot time (ISO), or a manual request id. */
  @Column({ type: 'varchar', length: 255 })
  trigger_key: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  event_type: string | null;

  /** The envelope of the triggering event, as received: what a replay of the run runs on again. */
  @Column({ type: 'jsonb', nullable: true })
  trigger_event: Record<string, unknown> | null;

  /** The run this one replays (POST /runs/:id/replay); null for a run of its own trigger. */
  @Column({ type: 'uuid', nullable: true })
  replay_of: string | null;

  @Column({ type: 'enum', enum: RUN_STATUSES, enumName: 'run_status' })
  status: RunStatus;

  @Column({ type: 'text', nullable: true })
  skip_reason: string | null;

  /** What each context source returned (or its error), as bound for the rule. */
  @Column({ type: 'jsonb', default: {} })
  context: Record<string, unknown>;

  /** Each rule expression and its value or error. */
  @Column({ type: 'jsonb', nullable: true })
  rule: Record<string, unknown> | null;

  /**
   * How the triggering event differs from the v1 contract (envelope rules, catalog schema): the engine
   * runs such events as a tolerant reader and records each difference here, naming the field.
   */
  @Column({ type: 'jsonb', default: [] })
  warnings: string[];

  /** Exit code or HTTP status, bounded output tails, attempts. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  replica: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  started_at: Date;

  /** A run still `running` after this is taken to be abandoned by a crashed replica. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline_at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finished_at: Date | null;

  @Column({ type: 'integer', nullable: true })
  duration_ms: number | null;
}
