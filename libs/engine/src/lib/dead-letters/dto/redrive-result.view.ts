import { ApiProperty } from '@nestjs/swagger';

export const REDRIVE_OUTCOMES = ['redriven', 'would_redrive', 'not_found', 'failed'] as const;
export type RedriveOutcome = (typeof REDRIVE_OUTCOMES)[number];

export class RedriveItemView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REDRIVE_OUTCOMES }) outcome: RedriveOutcome;
  @ApiProperty({ type: String, nullable: true }) original_subject: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the redrive count the message carries now (would carry, for a dry run)',
  })
  redrive_count: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ACTIVITY_EVENTS:57',
    description: 'where the message went again: `<stream>:<sequence>`, or `outbox:<event id>`',
  })
  republished_as: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it failed (the letter is kept)' })
  error: string | null;
}

export class RedriveCountsView {
  @ApiProperty({ type: 'integer' }) redriven: number;
  @ApiProperty({ type: 'integer' }) would_redrive: number;
  @ApiProperty({ type: 'integer' }) not_found: number;
  @ApiProperty({ type: 'integer' }) failed: number;
}

export class RedriveResultView {
  @ApiProperty() dry_run: boolean;
  @ApiProperty({ example: 'api' }) redriven_by: string;
  @ApiProperty({ type: [RedriveItemView] }) items: RedriveItemView[];
  @ApiProperty({ type: RedriveCountsView }) counts: RedriveCountsView;
  @ApiProperty({
    type: 'integer',
    description:
      'For a redrive by filter: older letters it did not look at (see `unsearched` of the list), so not redriven ' +
      'even if they match. 0 for a redrive by ids.',
  })
  unsearched: number;
}
