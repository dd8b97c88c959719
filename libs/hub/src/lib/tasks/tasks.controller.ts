import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { CreateTaskDto, ListTasksQueryDto, TaskView, UpdateTaskDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiErrors(503)
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @ApiOperation({ operationId: 'createTask', summary: 'Add a task to a workstream' })
  @ApiCreatedResponse({ type: TaskView, description: 'the task is created' })
  @ApiErrors([409, 'the workstream already has a task with this task_key'], [422, 'the workstream does not exist'])
  create(@Body() dto: CreateTaskDto) {
    return this.tasks.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listTasks', summary: 'List tasks in workplan order' })
  @ApiOkResponse({ type: PageOf(TaskView) })
  @ApiErrors(400, [404, 'the workstream or repo filter names nothing'])
  list(@Query() query: ListTasksQueryDto) {
    return this.tasks.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getTask', summary: 'Get a task' })
  @ApiOkResponse({ type: TaskView })
  @ApiErrors(400, [404, 'no task has this id'])
  get(@IdParam() id: string) {
    return this.tasks.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateTask',
    summary: 'Move a task (status) or change its priority or title',
    description: 'A status change must follow the lifecycle (409 names the moves allowed from the current status).',
  })
  @ApiOkResponse({ type: TaskView })
  @ApiErrors([404, 'no task has this id'], [409, 'the status change is not a legal transition'])
  update(@IdParam() id: string, @Body() dto: UpdateTaskDto) {
    return this.tasks.update(id, dto);
  }
}
