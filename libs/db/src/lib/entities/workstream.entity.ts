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
import { WORKSTREAM_STATUSES, type WorkstreamStatus } from '../domain-types';
import { DomainEntity } from './domain.entity';
import { RepoEntity } from './repo.entity';

/** One workplan file: its identity lives here, its content in the file. */
@Entity({ name: 'workstreams' })
@Unique('uq_workstreams_repo_workplan', ['repo_id', 'workplan_id'])
@Index('ix_workstreams_status', ['status'])
export class WorkstreamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  repo_id: string;

  @ManyToOne(() => RepoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repo_id' })
  repo?: RepoEntity;

  /** Workplan id from the file's front matter, e.g. `STATE-WP-0064`. */
  @Column({ type: 'varchar', length: 64 })
  workplan_id: string;

  @Column({ type: 'text' })
  title: string;

  /** The workplan's own `domain`, when it names one; otherwise the repo's domain applies. */
  @Column({ type: 'uuid', nullable: true })
  domain_id: string | null;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_id' })
  domain?: DomainEntity;

  @Column({ type: 'enum', enum: WORKSTREAM_STATUSES, enumName: 'workstream_status', default: 'draft' })
  status: WorkstreamStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  owner: string | null;

  /** Path of the workplan file inside its repo. */
  @Column({ type: 'text', nullable: true })
  source_path: string | null;

  /** Front-matter keys the hub does not model, kept verbatim. */
  @Column({ type: 'jsonb', default: {} })
  extra: Record<string, unknown>;

  /** The status the workplan file last gave this workstream (see TaskEntity.file_status). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  file_status: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completed_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
