// The publish instruction never puts an event on a catalog subject that the
// catalog would refuse; anything else is published once, keyed by the run.
import type { PublishInstruction } from '@state-hub/activity-definitions';
import type { EventEnvelope } from '@state-hub/envelope';
import type { EventPublisher } from '../../nats/event-publisher.service';
import { dispatchInstruction } from '../instruction-dispatcher';
import { runPublishInstruction } from './publish-instruction.runner';

function recordingPublisher() {
  const published: { envelope: EventEnvelope; msgId: string }[] = [];
  const publisher = {
    publish: async (envelope: EventEnvelope, msgId: string) => {
      published.push({ envelope, msgId });
      return { stream: 'ACTIVITY_EVENTS', seq: published.length, duplicate: false };
    },
  } as unknown as EventPublisher;
  return { publisher, published };
}

const instruction = (event_type: string, attributes: Record<string, unknown>) =>
  ({ kind: 'publish', event_type, attributes, on_failure: 'fail' }) as unknown as PublishInstruction;
const input = { runId: 'run-1', data: { event: { id: 'evt-1' } } } as never;

describe('publish instruction', () => {
  it('refuses a catalog event whose attributes break its schema, naming them, and publishes nothing', async () => {
    const { publisher, published } = recordingPublisher();
    const outcome = await runPublishInstruction(
      instruction('org.statehub.task.stale', { task_id: 42 }),
      input,
      publisher,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(
      /^not published: attributes do not match the v1 schema of org\.statehub\.task\.stale: /,
    );
    expect(outcome.error).toContain('attributes.task_id');
    expect(published).toEqual([]);
  });

  it('does not retry a refused catalog event under on_failure: retry (the refusal cannot change)', async () => {
    const { publisher, published } = recordingPublisher();
    const retried = {
      ...instruction('org.statehub.task.stale', { task_id: 42 }),
      on_failure: 'retry',
      retry: { max_attempts: 3, backoff_seconds: 1 },
    } as unknown as PublishInstruction;
    const outcome = await dispatchInstruction(retried, input, {
      publisher,
      shell: { outputLimitBytes: 1024, path: '/usr/bin:/bin' },
    });
    expect(outcome).toMatchObject({ ok: false, final: true, attempts: 1 });
    expect(published).toEqual([]);
  });

  it('publishes an event outside the catalog once, with the run-derived msg id and the trigger as cause', async () => {
    const { publisher, published } = recordingPublisher();
    const outcome = await runPublishInstruction(instruction('org.engine.report.created', { n: 1 }), input, publisher);
    expect(outcome).toMatchObject({
      ok: true,
      result: { event_type: 'org.engine.report.created', msg_id: 'activity-run:run-1' },
    });
    expect(published).toHaveLength(1);
    expect(published[0].envelope).toMatchObject({
      attributes: { n: 1 },
      causation_id: 'evt-1',
      correlation_id: 'evt-1',
    });
  });
});
