import { ApiProperty } from '@nestjs/swagger';

export class DefinitionCountsView {
  @ApiProperty({ type: 'integer' }) loaded: number;
  @ApiProperty({ type: 'integer' }) invalid: number;
  @ApiProperty({ type: 'integer' }) disabled: number;
}

export class EngineHealthView {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'ok when both the database and NATS answer' })
  status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) nats: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ type: DefinitionCountsView, description: 'files in the definitions directory, by state' })
  definitions: DefinitionCountsView;
}
