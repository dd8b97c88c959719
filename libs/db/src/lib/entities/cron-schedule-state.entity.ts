import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The last cron slot the engine fired for a definition; survives restarts so missed slots can be counted. */
@Entity({ name: 'cron_schedule_state' })
export class CronScheduleStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  definition_id: string;

  @Column({ type: 'timestamptz' })
  last_slot_at: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
