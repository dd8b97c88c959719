import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterDetailView, DeadLetterPageView } from './dto/dead-letter.view';
import { ListDeadLettersQueryDto } from './dto/list-dead-letters-query.dto';
import { RedriveDeadLettersDto } from './dto/redrive-dead-letters.dto';
import { RedriveResultView } from './dto/redrive-result.view';

@ApiTags('dead-letters')
@ApiErrors([503, 'the database, or (with JetStream) NATS, is unavailable; retry shortly'])
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listDeadLetters',
    summary: 'Events the engine could not take, newest first',
    description:
      'From the ACTIVITY_DEADLETTER stream with JetStream (the newest 10 000 letters are looked at), ' +
      'from the dead_letters table without NATS.',
  })
  @ApiOkResponse({ type: DeadLetterPageView })
  @ApiErrors(400)
  list(@Query() query: ListDeadLettersQueryDto): Promise<DeadLetterPageView> {
    return this.deadLetters.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDeadLetter', summary: 'One dead letter with its whole payload' })
  @ApiParam({ name: 'id', description: 'a UUID without NATS; a dead-letter stream sequence with JetStream' })
  @ApiOkResponse({ type: DeadLetterDetailView })
  @ApiErrors(400, [404, 'no dead letter has this id'])
  get(@Param('id') id: string): Promise<DeadLetterDetailView> {
    return this.deadLetters.get(id);
  }

  @Post('redrive')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'redriveDeadLetters',
    summary: 'Put dead letters back on their subjects for the engine to take again',
    description:
      'Each letter (by `ids`, or every one matching `filter`) goes back as it came: its event runs each ' +
      'definition at most once (runs are keyed by definition and event id), a failure makes it a new letter ' +
      'with its redrive count kept. Each redrive is logged (who, when, as what); the letter is removed once ' +
      'the message is stored again. `dry_run` only says what would happen. One outcome per letter.',
  })
  @ApiOkResponse({ type: RedriveResultView })
  @ApiErrors(400)
  redrive(@Body() body: RedriveDeadLettersDto): Promise<RedriveResultView> {
    return this.deadLetters.redrive(body);
  }
}
