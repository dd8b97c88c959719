import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { formatProblem } from '@state-hub/activity-definitions';
import { DefinitionsService } from './definitions.service';
import { ManualRunService } from './manual-run.service';

@Controller('definitions')
export class DefinitionsController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly manual: ManualRunService,
  ) {}

  @Get()
  list() {
    return this.definitions.list().map((status) => ({
      id: status.id ?? null,
      source_path: status.sourcePath,
      state: status.state,
      content_hash: status.contentHash ?? null,
      trigger_type: status.active?.definition.trigger.trigger_type ?? null,
      // For an invalid file: the hash of the last good version that keeps running, if any.
      running_version: status.active?.contentHash ?? null,
      errors: status.errors.map(formatProblem),
      warnings: status.warnings.map(formatProblem),
    }));
  }

  @Post(':id/run')
  @HttpCode(202)
  run(@Param('id') id: string) {
    return this.manual.start(id);
  }
}
