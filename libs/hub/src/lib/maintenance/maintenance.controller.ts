import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { StaleCleanupReportView, StaleCleanupRequestDto } from './dto/stale-cleanup.dto';
import { StaleCleanupService } from './stale-cleanup.service';

@ApiTags('maintenance')
@Controller('maintenance')
export class MaintenanceController {
  constructor(private readonly staleCleanup: StaleCleanupService) {}

  @Post('stale-cleanup')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runStaleCleanup',
    summary: 'Cancel open tasks of closed workstreams, flag inactive tasks of active ones',
    description: 'Each change publishes org.statehub.task.stale. A run right after another changes nothing.',
  })
  @ApiOkResponse({ type: StaleCleanupReportView })
  @ApiErrors([500, 'some tasks could not be changed (error stale_cleanup_incomplete names them); the others were'], 503)
  staleCleanupRun(@Body() dto: StaleCleanupRequestDto): Promise<StaleCleanupReportView> {
    return this.staleCleanup.run(dto);
  }
}
