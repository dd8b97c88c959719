// POST /definitions/:id/run: the run row is claimed before the request answers;
// the work goes on in the background and is awaited on shutdown.
import { NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ActivityRunEntity } from '@state-hub/db';
import { BackgroundRuns } from '../runs/background-runs.service';
import { DefinitionsService } from './definitions.service';

@Injectable()
export class ManualRunService {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly background: BackgroundRuns,
  ) {}

  async start(id: string): Promise<ActivityRunEntity> {
    const definition = this.definitions.find(id);
    if (!definition) throw new NotFoundError(`no active definition ${JSON.stringify(id)}`, 'id');
    return this.background.start(definition, { kind: 'manual', key: `manual:${randomUUID()}` });
  }
}
