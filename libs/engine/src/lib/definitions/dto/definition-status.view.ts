// One file of the definitions directory as GET /definitions shows it.
import { ApiProperty } from '@nestjs/swagger';
import { type DefinitionState, type DefinitionStatus, formatProblem } from '@state-hub/activity-definitions';

const STATES: DefinitionState[] = ['loaded', 'invalid', 'disabled'];
const TRIGGER_TYPES = ['cron', 'event', 'manual'] as const;

export class DefinitionStatusView {
  @ApiProperty({ type: String, nullable: true, description: "the definition's id (null when the file has none)" })
  id: string | null;

  @ApiProperty({ example: 'activity-definitions/state-hub-consistency-sweep.yaml' })
  source_path: string;

  @ApiProperty({
    enum: STATES,
    description:
      'loaded: runs; disabled: valid with enabled: false; invalid: see errors (its last good version, if any, runs)',
  })
  state: DefinitionState;

  @ApiProperty({ type: String, nullable: true, description: "hash of the file's current content" })
  content_hash: string | null;

  @ApiProperty({ enum: TRIGGER_TYPES, nullable: true, description: 'trigger of the version that runs' })
  trigger_type: (typeof TRIGGER_TYPES)[number] | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'org.statehub.repo.registered',
    description: 'event triggers: the subject (or pattern) the version that runs reacts to',
  })
  event_type: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0 3 * * *',
    description: 'cron triggers: the schedule of the version that runs',
  })
  cron_expression: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'UTC', description: "cron triggers: the schedule's time zone" })
  timezone: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'cron triggers of an enabled definition: the next slot after now (null for other triggers, disabled files, or a schedule that never fires again)',
  })
  next_fire_at: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'content hash of the version that runs: for an invalid file, its last good version',
  })
  running_version: string | null;

  @ApiProperty({ type: [String], description: 'why the file does not load, each as `path:line:col: message`' })
  errors: string[];

  @ApiProperty({ type: [String], description: 'things worth a look that do not stop the file from loading' })
  warnings: string[];

  static from(status: DefinitionStatus, now = new Date()): DefinitionStatusView {
    const active = status.active;
    const trigger = active?.definition.trigger;
    const next = active?.enabled && active.cron ? active.cron.nextSlot(now) : null;
    return {
      id: status.id ?? null,
      source_path: status.sourcePath,
      state: status.state,
      content_hash: status.contentHash ?? null,
      trigger_type: trigger?.trigger_type ?? null,
      event_type: trigger?.trigger_type === 'event' ? trigger.event_type : null,
      cron_expression: trigger?.trigger_type === 'cron' ? trigger.cron_expression : null,
      timezone: trigger?.trigger_type === 'cron' ? trigger.timezone : null,
      next_fire_at: next ? next.toISOString() : null,
      // For an invalid file: the hash of the last good version that keeps running, if any.
      running_version: status.active?.contentHash ?? null,
      errors: status.errors.map(formatProblem),
      warnings: status.warnings.map(formatProblem),
    };
  }
}
