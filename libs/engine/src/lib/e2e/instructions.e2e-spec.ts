// Each instruction kind against real processes: an HTTP sink, /bin/sh, the
// stream; and what on_failure does with a failing one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, readStream } from '@state-hub/testing';
import { type EngineFixture, eventDefinition as event, startEngineFixture } from '../testing/engine-fixture';

describe('event-consumer: instructions (Postgres + own nats-server)', () => {
  let f: EngineFixture;
  const scratch = mkdtempSync(join(tmpdir(), 'engine-shell-'));

  beforeAll(async () => {
    f = await startEngineFixture((files, sink) => {
      sink.respond('/boom', 500, { error: 'boom' });
      files.write(
        'shell.yaml',
        event(
          'test.shell',
          'org.test.shell.requested',
          `instruction:\n  kind: shell\n  cmd: 'printf "%s" "$ACTIVITY_EVENT_JSON"; echo; echo "slug=$SLUG"'\n  env: { SLUG: '{{ event.attributes.repo_slug }}' }\n  timeout_seconds: 10\n`,
        ),
      );
      files.write(
        'slow.yaml',
        event(
          'test.slow',
          'org.test.slow.requested',
          `instruction: { kind: shell, cmd: 'sleep 30', timeout_seconds: 1 }\n`,
        ),
      );
      files.write(
        'publish.yaml',
        event(
          'test.publish',
          'org.test.publish.requested',
          `instruction:\n  kind: publish\n  event_type: org.engine.report.created\n  attributes: { source_id: '{{ event.id }}' }\n`,
        ),
      );
      files.write(
        'fail.yaml',
        event(
          'test.fail',
          'org.test.fail.requested',
          `instruction: { kind: http, method: GET, url: '${sink.url}/boom', on_failure: fail }\n`,
        ),
      );
      files.write(
        'retry.yaml',
        event(
          'test.retry',
          'org.test.retry.requested',
          `instruction:\n  kind: http\n  method: GET\n  url: '${sink.url}/boom'\n  on_failure: retry\n  retry: { max_attempts: 2, backoff_seconds: 0 }\n`,
        ),
      );
    });
  });

  afterAll(async () => {
    await f?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('a shell instruction gets hostile values only through its environment', async () => {
    const marker = join(scratch, 'pwned');
    const hostile = `$(touch ${marker}); rm -rf ${scratch} \`touch ${marker}\``;
    const event = f.source.envelope('org.test.shell.requested', { repo_slug: hostile });
    await f.source.publish(event);
    const run = await f.oneRun('test.shell', 'succeeded');
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(scratch)).toBe(true);
    const [json, slug] = String(run.result?.['stdout_tail']).split('\n');
    expect(JSON.parse(json)).toMatchObject({ id: event.id, attributes: { repo_slug: hostile } });
    expect(slug).toBe(`slug=${hostile}`);
    expect(run.result?.['exit_code']).toBe(0);
  });

  it('a shell command past its timeout is killed and recorded as timed_out', async () => {
    await f.source.publish(f.source.envelope('org.test.slow.requested', {}));
    const run = await eventually(() => f.oneRun('test.slow', 'timed_out'), { timeoutMs: 15_000 });
    expect(run.error).toMatch(/timed out after 1s/);
  });

  it('a publish instruction puts an engine envelope on the stream', async () => {
    const event = f.source.envelope('org.test.publish.requested', {});
    await f.source.publish(event);
    const run = await f.oneRun('test.publish', 'succeeded');
    const stored = await eventually(async () => {
      const found = (await readStream(f.nats.url)).find((e) => e.subject === 'org.engine.report.created');
      expect(found).toBeDefined();
      return found;
    });
    expect(stored?.msgId).toBe(`activity-run:${run.id}`);
    expect(stored?.envelope).toMatchObject({
      publisher: 'activity-engine',
      attributes: { source_id: event.id },
      causation_id: event.id,
    });
  });

  it('on_failure fail records failed; retry makes the given number of attempts', async () => {
    await f.source.publish(f.source.envelope('org.test.fail.requested', {}));
    await f.source.publish(f.source.envelope('org.test.retry.requested', {}));
    const failed = await f.oneRun('test.fail', 'failed');
    expect(failed.error).toMatch(/answered 500/);
    const retried = await f.oneRun('test.retry', 'failed');
    expect(retried.result?.['attempts']).toBe(2);
    expect(f.sink.requests.filter((r) => r.url === '/boom')).toHaveLength(3);
  });
});
