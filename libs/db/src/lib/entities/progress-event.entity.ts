import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RepoEntity } from './repo.entity';
import { TaskEntity } from './task.entity';
import { WorkstreamEntity } from './workstream.entity';

/** Something that happened: a sweep ran, an agent finished a step. Append-only. */
@Entity({ name: 'progress_events' })
@Index('ix_progress_events_occurred_at', ['occurred_at'])
@Index('ix_progress_events_type_occurred_at', ['event_type', 'occurred_at'])
export class ProgressEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  repo_id: string | null;

  @ManyToOne(() => RepoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repo_id' })
  repo?: RepoEntity;

  @Column({ type: 'uuid', nullable: true })
  workstream_id: string | null;

  @ManyToOne(() => WorkstreamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workstream_id' })
  workstream?: WorkstreamEntity;

  @Column({ type: 'uuid', nullable: true })
  task_id: string | null;

  @ManyToOne(() => TaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  /** e.g. `consistency_sweep_remote_all`, `note`, `task_completed`. */
  @Column({ type: 'varchar', length: 100 })
  event_type: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actor: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurred_at: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;
}
