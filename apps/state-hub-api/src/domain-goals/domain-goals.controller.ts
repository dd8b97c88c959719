import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { DomainGoalsService } from './domain-goals.service';
import { CreateDomainGoalDto, DomainGoalView, ListDomainGoalsQueryDto } from './dto/domain-goal.dto';

@ApiTags('domain-goals')
@Controller('domain-goals')
export class DomainGoalsController {
  constructor(private readonly goals: DomainGoalsService) {}

  @Post()
  @ApiCreatedResponse({ type: DomainGoalView })
  create(@Body() dto: CreateDomainGoalDto) {
    return this.goals.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(DomainGoalView) })
  list(@Query() query: ListDomainGoalsQueryDto) {
    return this.goals.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DomainGoalView })
  get(@IdParam() id: string) {
    return this.goals.get(id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: DomainGoalView, description: 'the goal, now active' })
  @ApiConflictResponse({ description: 'the goal is already active, or achieved' })
  activate(@IdParam() id: string) {
    return this.goals.activate(id);
  }
}
