import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiInternalServerErrorResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaleCleanupReportView, StaleCleanupRequestDto } from './dto/stale-cleanup.dto';
import { StaleCleanupService } from './stale-cleanup.service';

@ApiTags('maintenance')
@Controller('maintenance')
export class MaintenanceController {
  constructor(private readonly staleCleanup: StaleCleanupService) {}

  @Post('stale-cleanup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel open tasks of closed workstreams, flag inactive tasks of active ones',
    description: 'Each change publishes org.statehub.task.stale. A run right after another changes nothing.',
  })
  @ApiOkResponse({ type: StaleCleanupReportView })
  @ApiInternalServerErrorResponse({ description: 'some tasks could not be changed; the others were' })
  staleCleanupRun(@Body() dto: StaleCleanupRequestDto): Promise<StaleCleanupReportView> {
    return this.staleCleanup.run(dto);
  }
}
