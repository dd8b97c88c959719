import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { CreateTaskDto, ListTasksQueryDto, TaskView, UpdateTaskDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @ApiCreatedResponse({ type: TaskView })
  create(@Body() dto: CreateTaskDto) {
    return this.tasks.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(TaskView) })
  list(@Query() query: ListTasksQueryDto) {
    return this.tasks.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  get(@IdParam() id: string) {
    return this.tasks.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({ description: 'the status change is not a legal transition' })
  update(@IdParam() id: string, @Body() dto: UpdateTaskDto) {
    return this.tasks.update(id, dto);
  }
}
