import { Module } from '@nestjs/common';
import { RepoFilesController } from './repo-files.controller';
import { RepoFilesService } from './repo-files.service';
import { ReposController } from './repos.controller';
import { ReposService } from './repos.service';

@Module({
  controllers: [ReposController, RepoFilesController],
  providers: [ReposService, RepoFilesService],
  exports: [ReposService],
})
export class ReposModule {}
