import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { REPO_STATUSES, type RepoStatus } from '../domain-types';
import { DomainEntity } from './domain.entity';

/** A registered git repo whose workplans the hub reads. */
@Entity({ name: 'repos' })
export class RepoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid' })
  domain_id: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_id' })
  domain?: DomainEntity;

  @Column({ type: 'text', nullable: true })
  remote_url: string | null;

  @Column({ type: 'text', nullable: true })
  local_path: string | null;

  @Column({ type: 'varchar', length: 200, default: 'main' })
  default_branch: string;

  @Column({ type: 'enum', enum: REPO_STATUSES, enumName: 'repo_status', default: 'active' })
  status: RepoStatus;

  @Column({ type: 'timestamptz', nullable: true })
  last_synced_at: Date | null;

  /** Last commit the repo's hook reported (POST /repos/:slug/commits). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  last_commit_sha: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  last_commit_ref: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  last_commit_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
