import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { NextStepsQueryDto, NextStepsView } from './dto/next-step.dto';
import { NextStepsService } from './next-steps.service';

@ApiTags('next-steps')
@Controller('next-steps')
export class NextStepsController {
  constructor(private readonly nextSteps: NextStepsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listNextSteps',
    summary: 'Open, unblocked tasks in active workstreams, by priority then age',
    description: 'Tasks to do or in progress, of active workstreams in active repos; a workplan’s own domain wins.',
  })
  @ApiOkResponse({ type: NextStepsView })
  @ApiErrors(400, [404, 'the domain or repo filter names nothing'], 503)
  find(@Query() query: NextStepsQueryDto) {
    return this.nextSteps.find(query);
  }
}
