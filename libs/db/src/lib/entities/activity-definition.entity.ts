import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DEFINITION_STATES, type DefinitionState } from '../domain-types';

/** Mirror of one ActivityDefinition file as the engine last loaded it, so the API can show it. */
@Entity({ name: 'activity_definitions' })
export class ActivityDefinitionEntity {
  /** The definition's id, or `file:<path>` for a file too broken to have one. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id: string;

  @Column({ type: 'text' })
  source_path: string;

  /** sha256 of the file text the active version came from. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  content_hash: string | null;

  @Column({ type: 'enum', enum: DEFINITION_STATES, enumName: 'definition_state' })
  state: DefinitionState;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  trigger_type: string | null;

  /** Load problems: `{path, line?, column?, message}`; empty when the file is fine. */
  @Column({ type: 'jsonb', default: [] })
  errors: unknown[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at: Date;
}
