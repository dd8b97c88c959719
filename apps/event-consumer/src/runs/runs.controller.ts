import { Controller, Get, Param, Query } from '@nestjs/common';
import type { ActivityRunEntity } from '@state-hub/db';
import { ListRunsQueryDto } from './dto/list-runs-query.dto';
import { RunsQueryService } from './runs-query.service';

@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsQueryService) {}

  @Get()
  list(@Query() query: ListRunsQueryDto) {
    return this.runs.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ActivityRunEntity> {
    return this.runs.get(id);
  }
}
