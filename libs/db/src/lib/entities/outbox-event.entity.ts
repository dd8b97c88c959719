import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One lifecycle event waiting to be (or already) published to JetStream. Written
 * in the same transaction as the state change it describes (transactional outbox).
 */
@Entity({ name: 'event_outbox' })
// Claims walk pending rows in (created_at, id) order: this partial index makes a claim cost O(batch).
@Index('ix_event_outbox_pending_order', ['created_at', 'id'], { where: 'published_at IS NULL' })
@Index('ix_event_outbox_published_at', ['published_at'])
export class OutboxEventEntity {
  /** The envelope id; also the Nats-Msg-Id, so a re-publish is de-duplicated. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** NATS subject = envelope type. */
  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'jsonb' })
  envelope: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at: Date;

  /** Not claimed before this time (backoff after a failed publish). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  next_attempt_at: Date;

  /** A relay holds the row until then; after it, another relay may take it over. */
  @Column({ type: 'timestamptz', nullable: true })
  claimed_until: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  last_error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  last_attempt_at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  published_at: Date | null;
}
