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
import { WORKPLAN_FILE_STATUSES, type WorkplanFileStatus } from '../domain-types';
import { RepoEntity } from './repo.entity';
import { WorkstreamEntity } from './workstream.entity';

/**
 * What the consistency sweep last saw of one workplan file: whether it parsed
 * (`synced`), failed to (`error`, the DB keeps the last good state) or vanished
 * (`orphaned`, its workstream is archived). The content hash lets a sweep skip
 * files that did not change.
 */
@Entity({ name: 'workplan_files' })
@Unique('uq_workplan_files_repo_path', ['repo_id', 'path'])
@Index('ix_workplan_files_status', ['status'])
export class WorkplanFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  repo_id: string;

  @ManyToOne(() => RepoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repo_id' })
  repo?: RepoEntity;

  /** Path inside the repo, with forward slashes, e.g. `workplans/STATE-WP-0064.md`. */
  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'enum', enum: WORKPLAN_FILE_STATUSES, enumName: 'workplan_file_status' })
  status: WorkplanFileStatus;

  /** The workstream this file last reconciled into (null until it parsed once). */
  @Column({ type: 'uuid', nullable: true })
  workstream_id: string | null;

  @ManyToOne(() => WorkstreamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workstream_id' })
  workstream?: WorkstreamEntity;

  /** sha256 of the file's bytes as last read (after any writeback). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  content_hash: string | null;

  /** HEAD of the repo when the file was last read. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  commit_sha: string | null;

  /** Why the file did not parse (status `error`), or why it is orphaned. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Non-fatal problems of the last parse (e.g. a task with an unknown status). */
  @Column({ type: 'jsonb', default: [] })
  warnings: string[];

  @Column({ type: 'timestamptz', nullable: true })
  last_parsed_at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  last_seen_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
