import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { PageOf } from '../common/pagination/page';
import { ConsistencyService } from './consistency.service';
import {
  CompareSweepsQueryDto,
  ListSweepsQueryDto,
  SweepComparisonView,
  SweepHistoryEntryView,
} from './dto/sweep-history.dto';
import { SweepReportView } from './dto/sweep-report.view';
import { SweepRequestDto } from './dto/sweep-request.dto';

@ApiTags('consistency')
@ApiErrors(503)
@Controller('consistency')
export class ConsistencyController {
  constructor(private readonly consistency: ConsistencyService) {}

  @Post('sweep/remote-all')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'sweepAllRepos',
    summary: 'Sweep every active repo (or one): pull behind the pull gate, reconcile, write ids back',
    description:
      'Answers when the sweep is over, with its report; it is recorded as a consistency_sweep_remote_all ' +
      'progress event. One sweep runs at a time across all replicas: when another holds the lock, the ' +
      'answer is still 200 with outcome skipped_lock — a normal result, not an error.',
  })
  @ApiOkResponse({ type: SweepReportView })
  @ApiErrors([409, 'the repo named in `repo` is archived'], [422, 'the repo named in `repo` does not exist'])
  sweep(@Body() dto: SweepRequestDto) {
    return this.consistency.sweepAll(dto);
  }

  @Get('sweeps')
  @ApiOperation({ operationId: 'listSweeps', summary: 'Recorded sweeps, newest first' })
  @ApiOkResponse({ type: PageOf(SweepHistoryEntryView) })
  @ApiErrors([400, 'a parameter is invalid, or since is not before until'])
  history(@Query() query: ListSweepsQueryDto) {
    return this.consistency.history(query);
  }

  @Get('sweeps/compare')
  @ApiOperation({
    operationId: 'compareSweeps',
    summary: 'Parallel-run comparison per source over [since, until)',
    description: 'Completion rate, repos skipped for lock or budget, hard failures vs warn-only runs.',
  })
  @ApiOkResponse({ type: SweepComparisonView })
  @ApiErrors([400, 'a parameter is invalid, or since is not before until'])
  compare(@Query() query: CompareSweepsQueryDto) {
    return this.consistency.compare(query);
  }
}
