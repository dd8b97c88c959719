import { Global, Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { DefinitionMirror } from './definition-mirror';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';
import { ManualRunService } from './manual-run.service';

@Global()
@Module({
  imports: [RunsModule],
  controllers: [DefinitionsController],
  providers: [DefinitionsService, DefinitionMirror, ManualRunService],
  exports: [DefinitionsService],
})
export class DefinitionsModule {}
