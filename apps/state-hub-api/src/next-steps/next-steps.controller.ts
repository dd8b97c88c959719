import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NextStepsQueryDto, NextStepsView } from './dto/next-step.dto';
import { NextStepsService } from './next-steps.service';

@ApiTags('next-steps')
@Controller('next-steps')
export class NextStepsController {
  constructor(private readonly nextSteps: NextStepsService) {}

  @Get()
  @ApiOperation({ summary: 'Open, unblocked tasks in active workstreams, by priority then age' })
  @ApiOkResponse({ type: NextStepsView })
  find(@Query() query: NextStepsQueryDto) {
    return this.nextSteps.find(query);
  }
}
