import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { OutboxRelayService } from './outbox-relay.service';

class OutboxErrorView {
  @ApiProperty({ format: 'uuid' }) event_id: string;
  @ApiProperty() message: string;
  @ApiProperty() at: Date;
  @ApiProperty() attempts: number;
}

export class OutboxView {
  @ApiProperty({ description: 'events not yet published' }) pending: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'age of the oldest pending event' })
  oldest_pending_age_seconds: number | null;
  @ApiProperty() published_last_hour: number;
  @ApiPropertyOptional({
    type: OutboxErrorView,
    nullable: true,
    description: 'latest failure of a still-pending event',
  })
  last_error: OutboxErrorView | null;
  @ApiProperty({ enum: ['disabled', 'connecting', 'up', 'down'] }) nats: string;
}

@ApiTags('events')
@Controller('events')
export class OutboxController {
  constructor(private readonly relay: OutboxRelayService) {}

  @Get('outbox')
  @ApiOperation({
    operationId: 'getOutboxStatus',
    summary: 'How far event publishing to NATS is behind',
    description: 'Pending events, the age of the oldest, the last publish failure and the state of the NATS link.',
  })
  @ApiOkResponse({ type: OutboxView })
  @ApiErrors(503)
  async status(): Promise<OutboxView> {
    return { ...(await this.relay.store.stats()), nats: this.relay.natsState };
  }
}
