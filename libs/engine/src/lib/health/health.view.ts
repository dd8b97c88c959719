import { ApiProperty } from '@nestjs/swagger';

export class DefinitionCountsView {
  @ApiProperty({ type: 'integer' }) loaded: number;
  @ApiProperty({ type: 'integer' }) invalid: number;
  @ApiProperty({ type: 'integer' }) disabled: number;
}

export class EngineHealthView {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description: 'ok when the database answers and events can reach the engine (NATS up, or the outbox consumed)',
  })
  status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down', 'disabled'], description: 'disabled when events come from the outbox' })
  nats: 'up' | 'down' | 'disabled';
  @ApiProperty({
    enum: ['jetstream', 'outbox'],
    description: 'how events reach the engine: a JetStream durable consumer, or the hub’s outbox in the same process',
  })
  delivery: 'jetstream' | 'outbox';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ type: DefinitionCountsView, description: 'files in the definitions directory, by state' })
  definitions: DefinitionCountsView;
}
