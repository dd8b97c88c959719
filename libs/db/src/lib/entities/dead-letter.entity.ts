import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event the engine could not take, kept with its reason when events come from
 * the outbox rather than JetStream (there, the ACTIVITY_DEADLETTER stream holds them).
 */
@Entity({ name: 'dead_letters' })
@Index('ix_dead_letters_dead_lettered_at', ['dead_lettered_at'])
export class DeadLetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable per message (`outbox:<event id>`): a retried store writes one row. */
  @Index('uq_dead_letters_source_key', { unique: true })
  @Column({ type: 'varchar', length: 300 })
  source_key: string;

  @Column({ type: 'varchar', length: 255 })
  original_subject: string;

  @Column({ type: 'text' })
  reason: string;

  /** The bytes as received, or their first 512 KiB when `payload_truncated`. */
  @Column({ type: 'bytea' })
  payload: Buffer;

  @Column({ type: 'boolean', default: false })
  payload_truncated: boolean;

  /** Size of the original payload when it was truncated. */
  @Column({ type: 'integer', nullable: true })
  payload_bytes: number | null;

  @Column({ type: 'integer', nullable: true })
  delivery_count: number | null;

  @Column({ type: 'integer', default: 0 })
  redrive_count: number;

  @CreateDateColumn({ type: 'timestamptz' })
  dead_lettered_at: Date;
}
