// The per-commit sync of one repo. It lives under /repos but belongs to the
// sweep, so it sits here with the sweep's other routes.
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
    summary: "Reconcile one repo's workplan files now (the per-commit sync)",
    description:
      'Recorded with source commit-hook. 404 for an unknown repo, 409 for an archived one; outcome ' +
      'skipped_lock when a sweep held the repo longer than SWEEP_REPO_LOCK_WAIT_SECONDS.',
  })
  @ApiOkResponse({ type: RepoSyncResultView })
  sync(@SlugParam() slug: string, @Body() dto: SyncRepoRequestDto) {
    return this.consistency.syncRepo(slug, dto);
  }
}
