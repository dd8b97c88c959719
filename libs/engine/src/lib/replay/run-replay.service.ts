// POST /runs/:id/replay: the run's definition runs again for the same trigger (the
// recorded event, the cron slot, or a manual request) under a new trigger key
// `replay:<uuid>`, linked to the original by `replay_of`. It runs the definition as
// it is loaded now; a definition since disabled is a 409, one since removed a 404.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import type { ActivityRunEntity } from '@state-hub/db';
import type { EventEnvelope } from '@state-hub/envelope';
import { ConflictError, NotFoundError } from '@state-hub/nest-http';
import { DefinitionsService } from '../definitions/definitions.service';
import { BackgroundRuns } from '../runs/background-runs.service';
import type { RunTrigger } from '../runs/run-trigger';
import { RunsQueryService } from '../runs/runs-query.service';

@Injectable()
export class RunReplayService {
  constructor(
    private readonly runs: RunsQueryService,
    private readonly definitions: DefinitionsService,
    private readonly background: BackgroundRuns,
  ) {}

  /** Resolves with the new run as claimed; it goes on in the background. */
  async replay(id: string): Promise<ActivityRunEntity> {
    const original = await this.runs.get(id);
    const definition = this.runnableDefinition(original.definition_id);
    return this.background.start(definition, this.triggerOf(original));
  }

  private runnableDefinition(definitionId: string): LoadedDefinition {
    const active = this.definitions.find(definitionId);
    if (active) return active;
    const status = this.definitions.list().find((s) => s.id === definitionId);
    if (status?.state === 'disabled' || (status?.active && !status.active.enabled)) {
      throw new ConflictError(`definition ${definitionId} is disabled; enable it to replay its runs`, 'id');
    }
    if (status?.state === 'invalid') {
      throw new ConflictError(`definition ${definitionId} does not load (${status.sourcePath}); fix it first`, 'id');
    }
    throw new NotFoundError(`definition ${definitionId} no longer exists; its runs cannot be replayed`, 'id');
  }

  private triggerOf(original: ActivityRunEntity): RunTrigger {
    const trigger: RunTrigger = { kind: original.trigger_kind, key: `replay:${randomUUID()}`, replayOf: original.id };
    if (original.trigger_kind === 'event') {
      if (!original.trigger_event) {
        throw new ConflictError(
          `run ${original.id} was recorded before runs kept their event; it cannot be replayed`,
          'id',
        );
      }
      trigger.event = original.trigger_event as unknown as EventEnvelope;
    }
    if (original.warnings?.length) trigger.warnings = original.warnings;
    return trigger;
  }
}
