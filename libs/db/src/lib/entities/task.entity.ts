import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '../domain-types';
import { WorkstreamEntity } from './workstream.entity';

/** One task of a workstream, e.g. `STATE-WP-0064-T01`. */
@Entity({ name: 'tasks' })
@Unique('uq_tasks_workstream_task_key', ['workstream_id', 'task_key'])
@Index('ix_tasks_status_priority', ['status', 'priority'])
// GET /next-steps: open tasks in its order, so a page is read off the index instead of sorting every open task
@Index('ix_tasks_next_steps', ['priority', 'created_at', 'position', 'id'], {
  where: "status IN ('todo', 'in_progress')",
})
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  workstream_id: string;

  @ManyToOne(() => WorkstreamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workstream_id' })
  workstream?: WorkstreamEntity;

  @Column({ type: 'varchar', length: 100 })
  task_key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'enum', enum: TASK_STATUSES, enumName: 'task_status', default: 'todo' })
  status: TaskStatus;

  @Column({ type: 'enum', enum: TASK_PRIORITIES, enumName: 'task_priority', default: 'medium' })
  priority: TaskPriority;

  /** Order of the task inside its workplan. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Task keys the workplan lists that are not modelled, kept verbatim. */
  @Column({ type: 'jsonb', default: {} })
  extra: Record<string, unknown>;

  /**
   * The status the workplan file last gave this task. The sweep applies the
   * file's status only when it differs from this (the file changed it), so a
   * change made through the hub (e.g. the stale cleanup cancelling the task) is
   * not undone by a later sweep of an unrelated edit.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  file_status: string | null;

  /** When the stale cleanup last flagged the task; a later update starts a new stale episode. */
  @Column({ type: 'timestamptz', nullable: true })
  stale_flagged_at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  started_at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completed_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
