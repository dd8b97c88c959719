import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ActivityRunEntity } from '@state-hub/db';
import { ApiErrors } from '@state-hub/nest-http';
import { ListRunsQueryDto } from './dto/list-runs-query.dto';
import { RunPageView, RunView } from './dto/run.view';
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
  })
  @ApiParam({ name: 'id', description: 'a UUID', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: RunView })
  @ApiErrors(400, [404, 'no run has this id'])
  get(@Param('id') id: string): Promise<ActivityRunEntity> {
    return this.runs.get(id);
  }
}
