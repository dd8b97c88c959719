import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { DecisionsService } from './decisions.service';
import { CreateDecisionDto, DecisionView, ListDecisionsQueryDto, ResolveDecisionDto } from './dto/decision.dto';

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @ApiCreatedResponse({ type: DecisionView })
  create(@Body() dto: CreateDecisionDto) {
    return this.decisions.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(DecisionView) })
  list(@Query() query: ListDecisionsQueryDto) {
    return this.decisions.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DecisionView })
  get(@IdParam() id: string) {
    return this.decisions.get(id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionView, description: 'the decision, now resolved' })
  @ApiConflictResponse({ description: 'the decision is already resolved' })
  resolve(@IdParam() id: string, @Body() dto: ResolveDecisionDto) {
    return this.decisions.resolve(id, dto);
  }
}
