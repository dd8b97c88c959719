import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { CreateProgressEventDto, ListProgressEventsQueryDto, ProgressEventView } from './dto/progress-event.dto';
import { ProgressEventsService } from './progress-events.service';

@ApiTags('progress-events')
@Controller('progress-events')
export class ProgressEventsController {
  constructor(private readonly events: ProgressEventsService) {}

  @Post()
  @ApiCreatedResponse({ type: ProgressEventView })
  record(@Body() dto: CreateProgressEventDto) {
    return this.events.record(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(ProgressEventView), description: 'newest first' })
  list(@Query() query: ListProgressEventsQueryDto) {
    return this.events.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgressEventView })
  get(@IdParam() id: string) {
    return this.events.get(id);
  }
}
