import { Global, Module } from '@nestjs/common';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxController } from './outbox.controller';

@Global()
@Module({
  controllers: [OutboxController, MetricsController],
  providers: [OutboxRelayService, MetricsService],
  exports: [OutboxRelayService, MetricsService],
})
export class OutboxModule {}
