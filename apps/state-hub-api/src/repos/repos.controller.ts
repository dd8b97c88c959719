import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
@Controller('repos')
export class ReposController {
  constructor(private readonly repos: ReposService) {}

  @Post()
  @ApiCreatedResponse({ type: RepoView, description: 'the repo is registered' })
  register(@Body() dto: RegisterRepoDto) {
    return this.repos.register(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(RepoView) })
  list(@Query() query: ListReposQueryDto) {
    return this.repos.list(query);
  }

  @Get(':slug')
  @ApiOkResponse({ type: RepoView })
  get(@SlugParam() slug: string) {
    return this.repos.get(slug);
  }

  @Post(':slug/commits')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CommitReportView, description: 'recorded; org.repo.commit.pushed is on its way' })
  reportCommit(@SlugParam() slug: string, @Body() dto: ReportCommitDto) {
    return this.repos.recordCommit(slug, dto);
  }

  @Patch(':slug')
  @ApiOkResponse({ type: RepoView })
  update(@SlugParam() slug: string, @Body() dto: UpdateRepoDto) {
    return this.repos.update(slug, dto);
  }
}
