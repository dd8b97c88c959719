import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { DomainGoalsService } from './domain-goals.service';
import { CreateDomainGoalDto, DomainGoalView, ListDomainGoalsQueryDto } from './dto/domain-goal.dto';

@ApiTags('domain-goals')
@ApiErrors(503)
@Controller('domain-goals')
export class DomainGoalsController {
  constructor(private readonly goals: DomainGoalsService) {}

  @Post()
  @ApiOperation({ operationId: 'createDomainGoal', summary: 'Propose a goal for a domain' })
  @ApiCreatedResponse({ type: DomainGoalView, description: 'the goal is proposed' })
  @ApiErrors([422, 'the domain does not exist'])
  create(@Body() dto: CreateDomainGoalDto) {
    return this.goals.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listDomainGoals', summary: 'List domain goals, oldest first' })
  @ApiOkResponse({ type: PageOf(DomainGoalView) })
  @ApiErrors(400, [404, 'the domain filter names no domain'])
  list(@Query() query: ListDomainGoalsQueryDto) {
    return this.goals.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDomainGoal', summary: 'Get a domain goal' })
  @ApiOkResponse({ type: DomainGoalView })
  @ApiErrors(400, [404, 'no domain goal has this id'])
  get(@IdParam() id: string) {
    return this.goals.get(id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'activateDomainGoal',
    summary: 'Activate a proposed (or abandoned) goal',
    description: 'Takes no body. Publishes org.statehub.domain.goal.activated.',
  })
  @ApiOkResponse({ type: DomainGoalView, description: 'the goal, now active' })
  @ApiErrors([404, 'no domain goal has this id'], [409, 'the goal is already active, or achieved'])
  activate(@IdParam() id: string) {
    return this.goals.activate(id);
  }
}
