// Runs that go on after the request that started them has answered (manual runs,
// replays): claimed first, carried out in the background, awaited on shutdown.
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import type { ActivityRunEntity } from '@state-hub/db';
import { RunExecutor } from './run-executor.service';
import type { RunTrigger } from './run-trigger';

@Injectable()
export class BackgroundRuns implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Runs');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly executor: RunExecutor) {}

  /** Resolves with the run as claimed (recorded `running`); its work goes on in the background. */
  async start(definition: LoadedDefinition, trigger: RunTrigger): Promise<ActivityRunEntity> {
    const run = await this.executor.claim(definition, trigger);
    if (!run) throw new Error(`trigger key ${trigger.key} of ${definition.id} collided; this should never happen`);
    const work = this.executor
      .carryOut(definition, run, trigger)
      .catch((error: unknown) =>
        this.logger.error(`run ${run.id} of ${definition.id} (${trigger.key}) could not be recorded: ${String(error)}`),
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
