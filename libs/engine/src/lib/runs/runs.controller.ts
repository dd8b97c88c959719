import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { ListRunsQueryDto } from './dto/list-runs-query.dto';
import { RunDetailView, RunPageView } from './dto/run.view';
import { RunsQueryService } from './runs-query.service';

@ApiTags('runs')
@ApiErrors(503)
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsQueryService) {}

  @Get()
  @ApiOperation({ operationId: 'listRuns', summary: 'The run history, newest first' })
  @ApiOkResponse({ type: RunPageView })
  @ApiErrors(400)
  list(@Query() query: ListRunsQueryDto) {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getRun',
    summary: 'One run with its trigger, context, rule outcome and result',
    description: 'With its replay links: `replay_of` (the run it replays) and `replays` (the runs replaying it).',
  })
  @ApiParam({ name: 'id', description: 'a UUID', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: RunDetailView })
  @ApiErrors(400, [404, 'no run has this id'])
  get(@Param('id') id: string): Promise<RunDetailView> {
    return this.runs.detail(id);
  }
}
