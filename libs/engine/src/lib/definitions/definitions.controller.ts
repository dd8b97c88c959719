import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { RunView } from '../runs/dto/run.view';
import { DefinitionsService } from './definitions.service';
import { DefinitionStatusView } from './dto/definition-status.view';
import { ManualRunService } from './manual-run.service';

@ApiTags('definitions')
@Controller('definitions')
export class DefinitionsController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly manual: ManualRunService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listDefinitions',
    summary: 'Every file of the definitions directory and its state',
    description: 'As of the last (hot) reload; a broken file is listed with its errors, the others keep running.',
  })
  @ApiOkResponse({ type: [DefinitionStatusView] })
  list(): DefinitionStatusView[] {
    const now = new Date();
    return this.definitions.list().map((status) => DefinitionStatusView.from(status, now));
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'runDefinition',
    summary: 'Run a definition now (manual trigger)',
    description:
      'Takes no body. The run is recorded (status running) before the answer; the work goes on in the ' +
      'background: poll GET /runs/{id} for its outcome.',
  })
  @ApiParam({ name: 'id', description: 'id of an active definition', example: 'the-custodian.stale-task-cleanup' })
  @ApiAcceptedResponse({ type: RunView, description: 'the run is recorded and under way' })
  @ApiErrors([404, 'no active definition has this id (unknown, disabled, or never loaded)'], 503)
  run(@Param('id') id: string) {
    return this.manual.start(id);
  }
}
