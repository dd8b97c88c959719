import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { IdParam } from '../common/http/params';
import { PageOf } from '../common/pagination/page';
import { DecisionsService } from './decisions.service';
import { CreateDecisionDto, DecisionView, ListDecisionsQueryDto, ResolveDecisionDto } from './dto/decision.dto';

@ApiTags('decisions')
@ApiErrors(503)
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @ApiOperation({ operationId: 'createDecision', summary: 'Open a decision in a domain' })
  @ApiCreatedResponse({ type: DecisionView, description: 'the decision is open' })
  @ApiErrors([422, 'the domain, repo or workstream does not exist'])
  create(@Body() dto: CreateDecisionDto) {
    return this.decisions.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listDecisions', summary: 'List decisions, newest first' })
  @ApiOkResponse({ type: PageOf(DecisionView) })
  @ApiErrors(400, [404, 'the domain, repo or workstream filter names nothing'])
  list(@Query() query: ListDecisionsQueryDto) {
    return this.decisions.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDecision', summary: 'Get a decision' })
  @ApiOkResponse({ type: DecisionView })
  @ApiErrors(400, [404, 'no decision has this id'])
  get(@IdParam() id: string) {
    return this.decisions.get(id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resolveDecision',
    summary: 'Resolve an open decision',
    description: 'Once only: resolving again is a 409. Publishes org.statehub.decision.resolved.',
  })
  @ApiOkResponse({ type: DecisionView, description: 'the decision, now resolved' })
  @ApiErrors([404, 'no decision has this id'], [409, 'the decision is already resolved'])
  resolve(@IdParam() id: string, @Body() dto: ResolveDecisionDto) {
    return this.decisions.resolve(id, dto);
  }
}
