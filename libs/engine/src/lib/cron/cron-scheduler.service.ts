// One timer per active cron definition, armed for its next slot. Every replica
// fires every slot; the run row's UNIQUE (definition_id, `cron:<slot>`) decides
// which one runs it. On start, slots missed while no engine ran are recorded.
import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import { CronScheduleStateEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { DefinitionsService } from '../definitions/definitions.service';
import { RunExecutor } from '../runs/run-executor.service';
import { RunRecorder } from '../runs/run-recorder';

/** At most this many missed slots are recorded per definition on start. */
export const MAX_MISSED_SLOTS = 100;
export const MISSED_REASON = 'missed (engine down)';
export const OVERLAP_REASON = 'overlap';
// setTimeout's limit; a later slot is reached by re-arming.
const MAX_TIMER_MS = 2_147_483_647;

export const cronKey = (slot: Date) => `cron:${slot.toISOString()}`;

@Injectable()
export class CronScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cron');
  private readonly timers = new Map<string, { hash: string; timer: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly executor: RunExecutor,
    private readonly recorder: RunRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const crons = this.definitions.active().filter((d) => d.cron);
    for (const definition of crons) await this.catchUp(definition, new Date());
    this.reschedule(this.definitions.active());
    this.definitions.onActiveChange((active) => this.reschedule(active));
  }

  // Before the database closes (onApplicationShutdown): runs in flight still need it to record their outcome.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Fires one slot of a definition (the timer calls this; tests call it with a chosen slot). */
  async tick(definition: LoadedDefinition, slot: Date): Promise<void> {
    const trigger = { kind: 'cron' as const, key: cronKey(slot) };
    if (await this.recorder.hasRunning(definition.id)) {
      await this.recorder.recordSkipped(definition, trigger, OVERLAP_REASON);
    } else {
      await this.executor.run(definition, trigger);
    }
    await this.persistSlot(definition.id, slot);
  }

  /** Records the slots missed since the last fired one; runs the latest if within catchup_window. */
  async catchUp(definition: LoadedDefinition, now: Date): Promise<void> {
    const cron = definition.cron;
    if (!cron) return;
    const state = await this.dataSource
      .getRepository(CronScheduleStateEntity)
      .findOneBy({ definition_id: definition.id });
    // First sight of this definition: nothing was missed, start from now.
    if (!state) return this.persistSlot(definition.id, now);
    const missed = cron.slotsBetween(state.last_slot_at, now, MAX_MISSED_SLOTS);
    if (missed.length === 0) return;
    const latest = missed[missed.length - 1];
    const catchUp = cron.catchupWindowMs !== undefined && now.getTime() - latest.getTime() <= cron.catchupWindowMs;
    for (const slot of catchUp ? missed.slice(0, -1) : missed) {
      await this.recorder.recordSkipped(definition, { kind: 'cron', key: cronKey(slot) }, MISSED_REASON);
    }
    if (catchUp) await this.tick(definition, latest);
    else await this.persistSlot(definition.id, latest);
    this.logger.log(
      `${definition.id}: ${missed.length} missed slot(s) recorded${catchUp ? ', the latest run now' : ''}`,
    );
  }

  private reschedule(active: LoadedDefinition[]): void {
    const crons = new Map(active.filter((d) => d.cron).map((d) => [d.id, d]));
    for (const [id, entry] of this.timers) {
      if (crons.get(id)?.contentHash !== entry.hash) {
        clearTimeout(entry.timer);
        this.timers.delete(id);
      }
    }
    for (const definition of crons.values()) if (!this.timers.has(definition.id)) this.arm(definition, new Date());
  }

  private arm(definition: LoadedDefinition, after: Date): void {
    const slot = definition.cron?.nextSlot(after);
    if (!slot || this.stopped) return;
    const delay = slot.getTime() - Date.now();
    const timer = setTimeout(
      () => (delay > MAX_TIMER_MS ? this.arm(definition, after) : this.fire(definition, slot)),
      Math.max(0, Math.min(delay, MAX_TIMER_MS)),
    );
    this.timers.set(definition.id, { hash: definition.contentHash, timer });
  }

  private fire(definition: LoadedDefinition, slot: Date): void {
    this.arm(definition, slot);
    const work = this.tick(definition, slot)
      .catch((error: unknown) =>
        this.logger.error(`${definition.id} slot ${slot.toISOString()} failed: ${String(error)}`),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async persistSlot(definitionId: string, slot: Date): Promise<void> {
    // GREATEST: a slow replica must not move the last fired slot backwards.
    await this.dataSource.query(
      `INSERT INTO cron_schedule_state (definition_id, last_slot_at) VALUES ($1, $2)
       ON CONFLICT (definition_id) DO UPDATE
       SET last_slot_at = GREATEST(cron_schedule_state.last_slot_at, EXCLUDED.last_slot_at), updated_at = now()`,
      [definitionId, slot],
    );
  }
}
