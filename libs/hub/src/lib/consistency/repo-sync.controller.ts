// The per-commit sync of one repo. It lives under /repos but belongs to the
// sweep, so it sits here with the sweep's other routes.
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { SlugParam } from '../common/http/params';
import { ConsistencyService } from './consistency.service';
import { RepoSyncResultView } from './dto/sweep-report.view';
import { SyncRepoRequestDto } from './dto/sweep-request.dto';

@ApiTags('repos')
@Controller('repos')
export class RepoSyncController {
  constructor(private readonly consistency: ConsistencyService) {}

  @Post(':slug/sync')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'syncRepo',
    summary: "Reconcile one repo's workplan files now (the per-commit sync)",
    description:
      'Recorded with source commit-hook (a consistency_sync_repo progress event on the repo). 404 for an ' +
      'unknown repo. 409 for an archived repo, and 409 when a running sweep held the repo longer than ' +
      'SWEEP_REPO_LOCK_WAIT_SECONDS ("repo \'x\' is locked by a running sweep (waited 30 s); try again", ' +
      'field slug; still recorded as skipped_lock): retry later, as the per-commit definition does.',
  })
  @ApiOkResponse({ type: RepoSyncResultView, description: 'the repo was synced (or failed: see outcome and error)' })
  @ApiErrors(
    [404, 'no repo has this slug'],
    [409, 'the repo is archived, or a running sweep holds its lock (waited SWEEP_REPO_LOCK_WAIT_SECONDS): retry'],
    503,
  )
  sync(@SlugParam() slug: string, @Body() dto: SyncRepoRequestDto) {
    return this.consistency.syncRepo(slug, dto);
  }
}
