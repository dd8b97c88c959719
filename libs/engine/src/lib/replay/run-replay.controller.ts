import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ActivityRunEntity } from '@state-hub/db';
import { ApiErrors } from '@state-hub/nest-http';
import { RunView } from '../runs/dto/run.view';
import { RunReplayService } from './run-replay.service';

@ApiTags('runs')
@Controller('runs')
export class RunReplayController {
  constructor(private readonly replays: RunReplayService) {}

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'replayRun',
    summary: "Run a run's definition again for the same trigger",
    description:
      'Takes no body. The recorded event (or the cron slot, or the manual request) runs again under a new ' +
      'trigger key `replay:<uuid>`, with the definition as it is loaded now; the new run has `replay_of` set and ' +
      "is listed in the original's `replays`. Recorded (status running) before the answer: poll GET /runs/{id}.",
  })
  @ApiParam({ name: 'id', description: 'the run to replay', schema: { type: 'string', format: 'uuid' } })
  @ApiAcceptedResponse({ type: RunView, description: 'the replay is recorded and under way' })
  @ApiErrors(
    400,
    [404, 'no run has this id, or its definition no longer exists'],
    [409, 'its definition is disabled or does not load, or the run predates recorded events'],
    503,
  )
  replay(@Param('id') id: string): Promise<ActivityRunEntity> {
    return this.replays.replay(id);
  }
}
