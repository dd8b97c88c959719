// A run as the API answers it. It implements the entity, so a column added
// there fails to compile here until it is documented.
import { ApiProperty } from '@nestjs/swagger';
import { type ActivityRunEntity, RUN_STATUSES, type RunStatus, TRIGGER_KINDS, type TriggerKind } from '@state-hub/db';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

export class RunView implements ActivityRunEntity {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'the-custodian.state-hub-consistency-sweep' }) definition_id: string;
  @ApiProperty({ description: 'content hash of the definition version that ran' }) definition_hash: string;
  @ApiProperty({ enum: TRIGGER_KINDS }) trigger_kind: TriggerKind;
  @ApiProperty({ description: 'event id, cron slot time (ISO), or manual:<uuid>' }) trigger_key: string;
  @ApiProperty({ type: String, nullable: true, description: 'subject of the triggering event' })
  event_type: string | null;
  @ApiProperty({
    ...JSON_OBJECT,
    nullable: true,
    description: 'the triggering event as received (event runs): what a replay runs on again',
  })
  trigger_event: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the run this one replays' })
  replay_of: string | null;
  @ApiProperty({ enum: RUN_STATUSES }) status: RunStatus;
  @ApiProperty({ type: String, nullable: true, description: 'why the run was skipped (rule declined, overlap)' })
  skip_reason: string | null;
  @ApiProperty({ ...JSON_OBJECT, description: 'what each context source returned (or its error), as bound' })
  context: Record<string, unknown>;
  @ApiProperty({ ...JSON_OBJECT, nullable: true, description: 'each rule expression and its value or error' })
  rule: Record<string, unknown> | null;
  @ApiProperty({
    type: [String],
    description:
      'how the triggering event differs from the v1 catalog schema of its subject, one field-named line each ' +
      '(e.g. `attributes.local_path: required`); the engine runs such events as a tolerant reader',
    example: ['attributes.local_path: required', 'attributes.build_url: unknown field'],
  })
  warnings: string[];
  @ApiProperty({ ...JSON_OBJECT, nullable: true, description: 'exit code or HTTP status, bounded output, attempts' })
  result: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the engine replica that ran it' }) replica: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) started_at: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'a run still running after this is taken to be abandoned',
  })
  deadline_at: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at: Date | null;
  @ApiProperty({ type: 'integer', nullable: true }) duration_ms: number | null;
}

/** Another run, as far as a link to it needs. */
export class RunLinkView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RUN_STATUSES }) status: RunStatus;
  @ApiProperty({ type: String, format: 'date-time' }) started_at: Date;
}

export class RunDetailView extends RunView {
  @ApiProperty({ type: [RunLinkView], description: 'runs that replay this one (POST /runs/{id}/replay), oldest first' })
  replays: RunLinkView[];
}

export class RunPageView {
  @ApiProperty({ type: [RunView] }) items: RunView[];
  @ApiProperty({ type: 'integer', description: 'runs matching the filters, across all pages' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}
