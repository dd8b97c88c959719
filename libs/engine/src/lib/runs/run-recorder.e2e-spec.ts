// The run recorder on a real Postgres server and on the embedded PGlite: claims and outcomes of concurrent
// runs share a statement, and the promises of one run per trigger and of a refused row failing alone hold
// within a batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigService } from '@nestjs/config';
import type { LoadedDefinition } from '@state-hub/activity-definitions';
import { closeDataSource, openDataSource } from '@state-hub/db';
import { createEnvelope } from '@state-hub/envelope';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { RunRecorder } from './run-recorder';
import type { RunTrigger } from './run-trigger';

const definition = { id: 'test.recorder', contentHash: 'c0ffee' } as LoadedDefinition;
const config = { get: () => 'replica-a' } as unknown as ConfigService<AppConfig, true>;
const eventTrigger = (attributes: Record<string, unknown> = {}): RunTrigger => {
  const event = createEnvelope({ type: 'org.test.item.queued', publisher: 'test', attributes });
  return { kind: 'event', key: event.id, event, warnings: ['a warning'] };
};
const deadline = () => new Date(Date.now() + 60_000);

describe.each(['postgres', 'embedded'])('RunRecorder (%s)', (kind) => {
  let db: TestDatabase | undefined;
  let dataDir: string | undefined;
  let dataSource: DataSource;
  let recorder: RunRecorder;
  let statements: string[];

  beforeAll(async () => {
    if (kind === 'postgres') db = await createTestDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'run-recorder-'));
    dataSource = await openDataSource({ url: db?.url, dataDir: dataDir ?? 'unused' });
    const query = dataSource.query.bind(dataSource);
    jest.spyOn(dataSource, 'query').mockImplementation((sql, ...rest) => {
      statements.push(sql.split(' ')[0]);
      return query(sql, ...rest);
    });
    recorder = new RunRecorder(dataSource, config);
  });
  afterAll(async () => {
    await closeDataSource(dataSource);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => (statements = []));

  const rows = (keys: string[]) =>
    dataSource.query('SELECT * FROM activity_runs WHERE trigger_key = ANY($1) ORDER BY trigger_key', [keys]);

  it('claims the runs of one burst in one INSERT and answers each with its stored row', async () => {
    const triggers = Array.from({ length: 20 }, (_, n) => eventTrigger({ n }));
    const claimed = await Promise.all(triggers.map((t) => recorder.claim(definition, t, deadline())));
    expect(statements).toEqual(['INSERT']);
    const stored = await rows(triggers.map((t) => t.key));
    expect(stored).toHaveLength(20);
    for (const [i, run] of claimed.entries()) {
      const row = stored.find((r: { id: string }) => r.id === run?.id);
      expect(run).toEqual(row); // what the caller holds is what the table holds
      expect(row).toMatchObject({
        definition_id: 'test.recorder',
        definition_hash: 'c0ffee',
        trigger_kind: 'event',
        trigger_key: triggers[i].key,
        event_type: 'org.test.item.queued',
        trigger_event: triggers[i].event,
        warnings: ['a warning'],
        replica: 'replica-a',
        status: 'running',
        context: {},
        finished_at: null,
      });
    }
  });

  it('gives a trigger one run: a second claim in the same batch or a later one gets none', async () => {
    const trigger = eventTrigger();
    const [first, second] = await Promise.all([
      recorder.claim(definition, trigger, deadline()),
      recorder.claim(definition, trigger, deadline()),
    ]);
    expect(first?.trigger_key).toBe(trigger.key);
    expect(second).toBeUndefined();
    await expect(recorder.claim(definition, trigger, deadline())).resolves.toBeUndefined();
    await expect(recorder.recordSkipped(definition, trigger, 'overlap')).resolves.toBeUndefined();
    expect(await rows([trigger.key])).toHaveLength(1);
  });

  it('fails only the claim whose row Postgres refuses; the rest of its batch is claimed', async () => {
    const good = [eventTrigger({ n: 1 }), eventTrigger({ n: 2 })];
    const bad = eventTrigger({ text: 'nul \u0000 inside' }); // jsonb cannot hold \u0000
    const outcomes = await Promise.allSettled(
      [good[0], bad, good[1]].map((t) => recorder.claim(definition, t, deadline())),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/unsupported Unicode escape sequence/);
    expect((await rows([...good, bad].map((t) => t.key))).map((r: { trigger_key: string }) => r.trigger_key)).toEqual(
      good.map((t) => t.key).sort(),
    );
  });

  it('records the outcomes of a burst in one UPDATE, each run its own', async () => {
    const triggers = [eventTrigger(), eventTrigger(), eventTrigger()];
    const runs = await Promise.all(triggers.map((t) => recorder.claim(definition, t, deadline())));
    statements = [];
    const [ok, skipped, failed] = runs.map((r) => r as NonNullable<typeof r>);
    const finished = await Promise.all([
      recorder.finish(ok, { status: 'succeeded', context: { hub: { status: 'ok' } }, rule: { passed: true } }),
      recorder.finish(skipped, { status: 'skipped', skip_reason: 'rule declined' }),
      recorder.finish(failed, { status: 'failed', error: 'POST http://x answered 500', result: { http_status: 500 } }),
    ]);
    expect(statements).toEqual(['UPDATE']);
    const stored = await rows(triggers.map((t) => t.key));
    for (const run of finished) {
      const row = stored.find((r: { id: string }) => r.id === run.id);
      expect(row).toEqual(run);
      expect(row.duration_ms).toBeGreaterThanOrEqual(0);
    }
    expect(finished.map((r) => [r.status, r.context, r.skip_reason, r.error])).toEqual([
      ['succeeded', { hub: { status: 'ok' } }, null, null],
      ['skipped', {}, 'rule declined', null],
      ['failed', {}, null, 'POST http://x answered 500'],
    ]);
  });

  it('records a skipped run in one step', async () => {
    const trigger: RunTrigger = { kind: 'cron', key: 'cron:2026-01-01T00:00:00.000Z' };
    const run = await recorder.recordSkipped(definition, trigger, 'previous run still active');
    expect(run).toMatchObject({ status: 'skipped', skip_reason: 'previous run still active', duration_ms: 0 });
    const [row] = await rows([trigger.key]);
    expect(row).toEqual(run);
  });
});
