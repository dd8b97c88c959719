// The delivery of an event is kept alive for as long as its runs take (so a run
// longer than JetStream's ack wait is not redelivered meanwhile), and no longer.
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import type { EventEnvelope } from '@state-hub/envelope';
import type { JetStreamContext } from '@state-hub/jetstream-transport';
import type { DefinitionsService } from '../definitions/definitions.service';
import type { MetricsService } from '../metrics/metrics.service';
import type { RunExecutor } from '../runs/run-executor.service';
import { EventsController } from './events.controller';

const event = {
  id: '0190f7a4-0000-7000-8000-000000000001',
  type: 'org.test.thing.happened',
  version: '1.0',
  timestamp: '2026-11-24T00:00:00Z',
  publisher: 'test',
  attributes: {},
} as EventEnvelope;
const definition = {
  id: 'test.slow',
  definition: { trigger: { trigger_type: 'event', event_type: 'org.test.thing.happened' } },
} as unknown as LoadedDefinition;

describe('EventsController', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('beats every 10 s while the runs of an event last (context, instruction, database waits), then stops', async () => {
    let finishRun: () => void = () => undefined;
    const executor = {
      run: () => new Promise((resolve) => (finishRun = () => resolve(undefined))),
    } as unknown as RunExecutor;
    const definitions = { ready: async () => undefined, active: () => [definition] } as unknown as DefinitionsService;
    const metrics = { eventsConsumed: { inc: () => undefined } } as unknown as MetricsService;
    const working = jest.fn();
    const ctx = { working, deliveryCount: 1 } as unknown as JetStreamContext;

    const handled = new EventsController(definitions, executor, metrics).onEvent(event, ctx);
    await jest.advanceTimersByTimeAsync(45_000); // a run longer than the 30 s ack wait
    expect(working).toHaveBeenCalledTimes(4);
    finishRun();
    await handled;
    await jest.advanceTimersByTimeAsync(30_000);
    expect(working).toHaveBeenCalledTimes(4); // no beat after the runs are recorded
  });
});
