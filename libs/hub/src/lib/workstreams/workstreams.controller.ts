import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import {
  CreateWorkstreamDto,
  ListWorkstreamsQueryDto,
  UpdateWorkstreamDto,
  WorkstreamDetailView,
  WorkstreamView,
} from './dto/workstream.dto';
import { WorkstreamsService } from './workstreams.service';

@ApiTags('workstreams')
@ApiErrors(503)
@Controller('workstreams')
export class WorkstreamsController {
  constructor(private readonly workstreams: WorkstreamsService) {}

  @Post()
  @ApiOperation({ operationId: 'createWorkstream', summary: 'Create the workstream of a workplan' })
  @ApiCreatedResponse({ type: WorkstreamView, description: 'the workstream is created' })
  @ApiErrors(
    [409, 'the repo already has a workstream with this workplan_id'],
    [422, 'the repo or the domain does not exist'],
  )
  create(@Body() dto: CreateWorkstreamDto) {
    return this.workstreams.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listWorkstreams', summary: 'List workstreams, ordered by workplan id' })
  @ApiOkResponse({ type: PageOf(WorkstreamView) })
  @ApiErrors(400, [404, 'the repo or domain filter names nothing'])
  list(@Query() query: ListWorkstreamsQueryDto) {
    return this.workstreams.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getWorkstream', summary: 'Get a workstream with its tasks' })
  @ApiOkResponse({ type: WorkstreamDetailView, description: 'the workstream with its tasks' })
  @ApiErrors(400, [404, 'no workstream has this id'])
  get(@IdParam() id: string) {
    return this.workstreams.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateWorkstream',
    summary: "Change a workstream's status, title or owner",
    description:
      'A status change must follow the lifecycle (409 names the moves allowed from the current status). ' +
      'Moving to completed publishes org.statehub.workstream.completed.',
  })
  @ApiOkResponse({ type: WorkstreamView })
  @ApiErrors([404, 'no workstream has this id'], [409, 'the status change is not a legal transition'])
  update(@IdParam() id: string, @Body() dto: UpdateWorkstreamDto) {
    return this.workstreams.update(id, dto);
  }
}
