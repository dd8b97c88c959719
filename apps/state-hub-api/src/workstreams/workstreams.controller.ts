import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
@Controller('workstreams')
export class WorkstreamsController {
  constructor(private readonly workstreams: WorkstreamsService) {}

  @Post()
  @ApiCreatedResponse({ type: WorkstreamView })
  create(@Body() dto: CreateWorkstreamDto) {
    return this.workstreams.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(WorkstreamView) })
  list(@Query() query: ListWorkstreamsQueryDto) {
    return this.workstreams.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: WorkstreamDetailView, description: 'the workstream with its tasks' })
  get(@IdParam() id: string) {
    return this.workstreams.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WorkstreamView })
  @ApiConflictResponse({ description: 'the status change is not a legal transition' })
  update(@IdParam() id: string, @Body() dto: UpdateWorkstreamDto) {
    return this.workstreams.update(id, dto);
  }
}
