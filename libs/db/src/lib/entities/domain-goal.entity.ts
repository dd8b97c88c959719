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
import { GOAL_STATUSES, type GoalStatus } from '../domain-types';
import { DomainEntity } from './domain.entity';

/** A goal a domain works towards; proposed first, then activated. */
@Entity({ name: 'domain_goals' })
@Index('ix_domain_goals_domain_status', ['domain_id', 'status'])
export class DomainGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  domain_id: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_id' })
  domain?: DomainEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: GOAL_STATUSES, enumName: 'goal_status', default: 'proposed' })
  status: GoalStatus;

  @Column({ type: 'timestamptz', nullable: true })
  activated_at: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
