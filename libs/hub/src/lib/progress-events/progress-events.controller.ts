import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { CreateProgressEventDto, ListProgressEventsQueryDto, ProgressEventView } from './dto/progress-event.dto';
import { ProgressEventsService } from './progress-events.service';

@ApiTags('progress-events')
@ApiErrors(503)
@Controller('progress-events')
export class ProgressEventsController {
  constructor(private readonly events: ProgressEventsService) {}

  @Post()
  @ApiOperation({
    operationId: 'recordProgressEvent',
    summary: 'Record a progress event',
    description:
      'Its repo, workstream and task must exist and belong together (else 422 naming the field). An event of a task alone also records its workstream and repo.',
  })
  @ApiCreatedResponse({ type: ProgressEventView, description: 'the event is recorded' })
  @ApiErrors([422, 'the repo, workstream or task does not exist, or they do not belong together'])
  record(@Body() dto: CreateProgressEventDto) {
    return this.events.record(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listProgressEvents', summary: 'List progress events, newest first' })
  @ApiOkResponse({ type: PageOf(ProgressEventView), description: 'newest first' })
  @ApiErrors(400, [404, 'the repo filter names no repo'])
  list(@Query() query: ListProgressEventsQueryDto) {
    return this.events.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getProgressEvent', summary: 'Get a progress event' })
  @ApiOkResponse({ type: ProgressEventView })
  @ApiErrors(400, [404, 'no progress event has this id'])
  get(@IdParam() id: string) {
    return this.events.get(id);
  }
}
