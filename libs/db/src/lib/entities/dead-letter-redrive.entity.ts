import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EVENT_DELIVERIES, type EventDelivery } from '../domain-types';

/**
 * One redrive of a dead letter (POST /dead-letters/redrive): who put which message back on its
 * subject, and when. Written in both delivery modes; the letter itself is gone once it is redriven.
 */
@Entity({ name: 'dead_letter_redrives' })
@Index('ix_dead_letter_redrives_source_key', ['source_key'])
@Index('ix_dead_letter_redrives_redriven_at', ['redriven_at'])
export class DeadLetterRedriveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: EVENT_DELIVERIES, enumName: 'event_delivery' })
  delivery: EventDelivery;

  /** The letter's id as the API gave it: the `dead_letters` row's uuid, or the dead-letter stream sequence. */
  @Column({ type: 'varchar', length: 64 })
  letter_id: string;

  /**
   * The dead-lettered message: `outbox:<event id>` (the same across redrives), or `<stream>:<sequence>`
   * (each redrive's `republished_as` is the next letter's source key).
   */
  @Column({ type: 'varchar', length: 300 })
  source_key: string;

  @Column({ type: 'varchar', length: 255 })
  original_subject: string;

  /** 1 for the first redrive of the message, 2 for the second … (the letter's redrive_count after it). */
  @Column({ type: 'integer' })
  redrive_number: number;

  /** The body's `redriven_by`, or `api`. */
  @Column({ type: 'varchar', length: 200 })
  redriven_by: string;

  /** Where the message went again: `outbox:<event id>`, or `<stream>:<sequence>` of the republished message. */
  @Column({ type: 'varchar', length: 300 })
  republished_as: string;

  @CreateDateColumn({ type: 'timestamptz' })
  redriven_at: Date;
}
