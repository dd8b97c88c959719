import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { SlugParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import {
  CommitReportView,
  ListReposQueryDto,
  RegisterRepoDto,
  RepoView,
  ReportCommitDto,
  UpdateRepoDto,
} from './dto/repo.dto';
import { ReposService } from './repos.service';

@ApiTags('repos')
@ApiErrors(503)
@Controller('repos')
export class ReposController {
  constructor(private readonly repos: ReposService) {}

  @Post()
  @ApiOperation({
    operationId: 'registerRepo',
    summary: 'Register a repo',
    description: 'Publishes org.statehub.repo.registered (written to the outbox in the same transaction).',
  })
  @ApiCreatedResponse({ type: RepoView, description: 'the repo is registered' })
  @ApiErrors([409, 'a repo with this slug is registered'], [422, 'the domain does not exist'])
  register(@Body() dto: RegisterRepoDto) {
    return this.repos.register(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listRepos', summary: 'List registered repos, ordered by slug' })
  @ApiOkResponse({ type: PageOf(RepoView) })
  @ApiErrors(400, [404, 'the domain filter names no domain'])
  list(@Query() query: ListReposQueryDto) {
    return this.repos.list(query);
  }

  @Get(':slug')
  @ApiOperation({ operationId: 'getRepo', summary: 'Get a repo by slug' })
  @ApiOkResponse({ type: RepoView })
  @ApiErrors(400, [404, 'no repo has this slug'])
  get(@SlugParam() slug: string) {
    return this.repos.get(slug);
  }

  @Post(':slug/commits')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'reportCommit',
    summary: "Report a commit pushed to a repo (what the repo's git hook calls)",
    description:
      "Records the commit as the repo's last one and publishes org.repo.commit.pushed (through the outbox), " +
      'which the per-commit sync definition reacts to.',
  })
  @ApiAcceptedResponse({ type: CommitReportView, description: 'recorded; org.repo.commit.pushed is on its way' })
  @ApiErrors([404, 'no repo has this slug'])
  reportCommit(@SlugParam() slug: string, @Body() dto: ReportCommitDto) {
    return this.repos.recordCommit(slug, dto);
  }

  @Patch(':slug')
  @ApiOperation({ operationId: 'updateRepo', summary: "Change a repo's name, status, remote, local path or branch" })
  @ApiOkResponse({ type: RepoView })
  @ApiErrors([404, 'no repo has this slug'])
  update(@SlugParam() slug: string, @Body() dto: UpdateRepoDto) {
    return this.repos.update(slug, dto);
  }
}
