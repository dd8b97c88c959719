// POST /definitions/:id/run: the run row is claimed before the request answers;
// the work goes on in the background and is awaited on shutdown.
import { NotFoundError } from '@state-hub/nest-http';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ActivityRunEntity } from '@state-hub/db';
import { RunExecutor } from '../runs/run-executor.service';
import { DefinitionsService } from './definitions.service';

@Injectable()
export class ManualRunService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ManualRuns');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly executor: RunExecutor,
  ) {}

  async start(id: string): Promise<ActivityRunEntity> {
    const definition = this.definitions.find(id);
    if (!definition) throw new NotFoundError(`no active definition ${JSON.stringify(id)}`, 'id');
    const trigger = { kind: 'manual' as const, key: `manual:${randomUUID()}` };
    const run = await this.executor.claim(definition, trigger);
    if (!run) throw new Error(`manual trigger key ${trigger.key} collided; this should never happen`);
    const work = this.executor
      .carryOut(definition, run, trigger)
      .catch((error: unknown) =>
        this.logger.error(`manual run ${run.id} of ${id} could not be recorded: ${String(error)}`),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return run;
  }

  // Before the database closes (onApplicationShutdown): runs in flight still need it to record their outcome.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
