// Runs one definition for one trigger: claim the run row, fetch the context,
// evaluate the rule, carry out the instruction, record the outcome.
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { evaluateRule, fetchContext, type LoadedDefinition } from '@state-hub/activity-definitions';
import type { ActivityRunEntity } from '@state-hub/db';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { EventPublisher } from '../nats/event-publisher.service';

import {
  attemptTimeoutMs,
  backoffMs,
  dispatchInstruction,
  type DispatchDeps,
  maxAttempts,
} from './instruction-dispatcher';
import { type DatabaseWait, untilDatabaseAnswers } from './database-wait';
import { type RunFinish, RunRecorder } from './run-recorder';
import type { RunTrigger } from './run-trigger';

/** Slack on top of the instruction's own time budget before a `running` row counts as abandoned. */
const DEADLINE_MARGIN_MS = 60_000;

/** While waiting for the database, log the first pause and then about once a minute. */
const LOG_EVERY_ATTEMPTS = 12;

@Injectable()
export class RunExecutor implements OnApplicationShutdown {
  private readonly logger = new Logger('Runs');
  private readonly deps: DispatchDeps;
  private readonly maxDatabaseWaitMs: number;
  private readonly shutdown = new AbortController();

  constructor(
    private readonly recorder: RunRecorder,
    private readonly metrics: MetricsService,
    publisher: EventPublisher,
    config: ConfigService<AppConfig, true>,
  ) {
    this.deps = {
      publisher,
      shell: {
        outputLimitBytes: config.get('SHELL_OUTPUT_LIMIT_BYTES', { infer: true }),
        path: config.get('PATH', { infer: true }),
      },
    };
    this.maxDatabaseWaitMs = config.get('DB_OUTAGE_WAIT_SECONDS', { infer: true }) * 1000;
  }

  onApplicationShutdown(): void {
    this.shutdown.abort();
  }

  /** Claims the run; undefined when the trigger already has one (redelivery, another replica). */
  claim(definition: LoadedDefinition, trigger: RunTrigger): Promise<ActivityRunEntity | undefined> {
    return this.recorder.claim(definition, trigger, new Date(Date.now() + budgetMs(definition)));
  }

  /** Claims and carries out the run; resolves once the outcome is recorded. */
  async run(definition: LoadedDefinition, trigger: RunTrigger): Promise<ActivityRunEntity | undefined> {
    const run = await untilDatabaseAnswers(
      () => this.claim(definition, trigger),
      this.databaseWait(`claiming the run of ${definition.id} for ${trigger.key}`),
    );
    if (!run) {
      this.logger.log(`${definition.id}: ${trigger.key} already has a run; not running it again`);
      return undefined;
    }
    return this.carryOut(definition, run, trigger);
  }

  async carryOut(
    definition: LoadedDefinition,
    run: ActivityRunEntity,
    trigger: RunTrigger,
  ): Promise<ActivityRunEntity> {
    const finish = await this.decide(definition, run, trigger).catch((error: unknown): RunFinish => ({
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    }));
    // The instruction has run: wait for the database rather than lose the outcome (the run would end `abandoned`).
    const recorded = await untilDatabaseAnswers(
      () => this.recorder.finish(run, finish),
      this.databaseWait(`recording run ${run.id} of ${definition.id} (${finish.status})`),
    );
    this.metrics.runsFinished.inc({ status: finish.status });
    this.log(definition, recorded);
    return recorded;
  }

  private async decide(definition: LoadedDefinition, run: ActivityRunEntity, trigger: RunTrigger): Promise<RunFinish> {
    const bindings = await fetchContext(definition.definition.context ?? []);
    const event = trigger.event ? { ...trigger.event } : null;
    const outcome = evaluateRule(definition.rule, { event, bindings, now: new Date() });
    const rule = {
      passed: outcome.passed,
      checks: outcome.checks,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
    };
    if (!outcome.passed) {
      this.metrics.ruleSkips.inc();
      return { status: 'skipped', skip_reason: outcome.reason ?? 'rule declined', context: bindings, rule };
    }
    const data = { ...bindings, event, run: { id: run.id } };
    const result = await dispatchInstruction(
      definition.definition.instruction,
      { definition, runId: run.id, data },
      this.deps,
    );
    const status = result.ok ? 'succeeded' : result.timedOut ? 'timed_out' : 'failed';
    return {
      status,
      context: bindings,
      rule,
      result: { ...result.result, attempts: result.attempts },
      error: result.error ?? null,
    };
  }

  private databaseWait(what: string): DatabaseWait {
    return {
      maxWaitMs: this.maxDatabaseWaitMs,
      signal: this.shutdown.signal,
      onRetry: (attempt, delayMs, error) => {
        if (attempt % LOG_EVERY_ATTEMPTS !== 1) return;
        this.logger.warn(
          `database unavailable while ${what} (${error instanceof Error ? error.message : String(error)}); ` +
            `attempt ${attempt}, retrying in ${delayMs} ms for up to ${this.maxDatabaseWaitMs / 1000} s in all`,
        );
      },
    };
  }

  private log(definition: LoadedDefinition, run: ActivityRunEntity): void {
    const line = `${definition.id} run ${run.id} (${run.trigger_key}) ${run.status}${run.error ? `: ${run.error}` : run.skip_reason ? `: ${run.skip_reason}` : ''}`;
    if (run.status === 'succeeded' || run.status === 'skipped') return this.logger.log(line);
    // log_and_continue is for warn-only jobs; fail and (exhausted) retry are for alerting.
    if (definition.definition.instruction.on_failure === 'log_and_continue') this.logger.warn(line);
    else this.logger.error(line);
  }
}

function budgetMs(definition: LoadedDefinition): number {
  const instruction = definition.definition.instruction;
  const context = (definition.definition.context ?? []).reduce((sum, source) => sum + source.timeout_seconds * 1000, 0);
  const attempts = maxAttempts(instruction);
  return (
    context + attempts * attemptTimeoutMs(instruction) + (attempts - 1) * backoffMs(instruction) + DEADLINE_MARGIN_MS
  );
}
