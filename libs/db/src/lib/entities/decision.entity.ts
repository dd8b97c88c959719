import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DECISION_STATUSES, type DecisionStatus } from '../domain-types';
import { DomainEntity } from './domain.entity';
import { RepoEntity } from './repo.entity';
import { WorkstreamEntity } from './workstream.entity';

/** A question that needs an answer; resolved once, with who and what. */
@Entity({ name: 'decisions' })
@Index('ix_decisions_status', ['status'])
@Index('ix_decisions_workstream_id', ['workstream_id'])
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  domain_id: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_id' })
  domain?: DomainEntity;

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

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  context: string | null;

  @Column({ type: 'enum', enum: DECISION_STATUSES, enumName: 'decision_status', default: 'open' })
  status: DecisionStatus;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  resolved_by: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolved_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
