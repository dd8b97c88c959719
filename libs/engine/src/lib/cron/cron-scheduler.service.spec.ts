// The timer side of the scheduler, on a fake clock: each slot fires once, at its time,
// with the slot as trigger key; a reloaded definition is re-armed.
import { type LoadedDefinition, parseDefinition } from '@state-hub/activity-definitions';
import type { DataSource } from 'typeorm';
import type { DefinitionsService } from '../definitions/definitions.service';
import type { RunExecutor } from '../runs/run-executor.service';
import type { RunRecorder } from '../runs/run-recorder';
import { CronScheduler } from './cron-scheduler.service';

function definition(expression: string): LoadedDefinition {
  const text = `id: test.cron\ntrigger: { trigger_type: cron, cron_expression: '${expression}' }\ninstruction: { kind: shell, cmd: 'true', timeout_seconds: 5 }\n`;
  const parsed = parseDefinition(text, { path: 'cron.yaml', env: {} });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

describe('CronScheduler timers', () => {
  afterEach(() => jest.useRealTimers());

  it('fires every slot at its time with trigger key cron:<slot>', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:30Z') });
    const def = definition('* * * * *');
    const run = jest.fn().mockResolvedValue(undefined);
    const query = jest.fn().mockResolvedValue([]);
    const listeners: Array<(active: LoadedDefinition[]) => void> = [];
    const scheduler = new CronScheduler(
      {
        active: () => [def],
        onActiveChange: (l: (a: LoadedDefinition[]) => void) => listeners.push(l),
      } as unknown as DefinitionsService,
      { run } as unknown as RunExecutor,
      { hasRunning: jest.fn().mockResolvedValue(false) } as unknown as RunRecorder,
      { query, getRepository: () => ({ findOneBy: jest.fn().mockResolvedValue(null) }) } as unknown as DataSource,
    );
    await scheduler.onApplicationBootstrap();
    expect(run).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(30_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0][1]).toEqual({ kind: 'cron', key: 'cron:2026-03-01T10:01:00.000Z' });

    await jest.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run.mock.calls[1][1].key).toBe('cron:2026-03-01T10:02:00.000Z');

    // A reload that drops the definition stops its timer.
    listeners.forEach((l) => l([]));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(2);
    await scheduler.beforeApplicationShutdown();
  });
});
