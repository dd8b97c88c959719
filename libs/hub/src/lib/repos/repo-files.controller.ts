import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { SlugParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { ListRepoFilesQueryDto, RepoFileView } from './dto/repo-file.dto';
import { RepoFilesService } from './repo-files.service';

@ApiTags('repos')
@Controller('repos')
export class RepoFilesController {
  constructor(private readonly files: RepoFilesService) {}

  @Get(':slug/files')
  @ApiOperation({
    operationId: 'listRepoFiles',
    summary: "The repo's workplan files as the sweep last saw them",
    description: 'status error: the file did not parse (reason in error; the DB keeps its last good state).',
  })
  @ApiOkResponse({ type: PageOf(RepoFileView) })
  @ApiErrors(400, [404, 'no repo has this slug'], 503)
  list(@SlugParam() slug: string, @Query() query: ListRepoFilesQueryDto) {
    return this.files.list(slug, query);
  }
}
