// Definitions are mirrored into activity_definitions, and an edited file is
// picked up without a restart; an edit that breaks a file is reported with its
// path, line and reason while the last good version and the other files keep running.
import {
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type NatsServer,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const manual = (id: string, extra = '') =>
  `id: ${id}\n${extra}trigger: { trigger_type: manual }\ninstruction: { kind: shell, cmd: 'true', timeout_seconds: 5 }\n`;

describe('event-consumer: definitions mirror and hot reload', () => {
  let db: TestDatabase;
  let nats: NatsServer;
  let files: DefinitionFiles;
  let engine: TestEngine;
  let pg: Client;

  const mirror = async () =>
    (
      await pg.query<{ id: string; state: string; enabled: boolean; errors: unknown[] }>(
        'SELECT id, state, enabled, errors FROM activity_definitions ORDER BY id',
      )
    ).rows;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase(), startNatsServer()]);
    files = new DefinitionFiles();
    files.write('a.yaml', manual('test.a'));
    files.write('off.yaml', manual('test.off', 'enabled: false\n'));
    files.write('broken.yaml', 'trigger: [\n');
    engine = await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await engine?.close();
    await Promise.all([nats?.destroy(), db?.drop()]);
    files?.remove();
  });

  it('mirrors every file, with file:<path> for a file without an id', async () => {
    const rows = await mirror();
    expect(rows.map((r) => [r.id.replace(files.dir, '<dir>'), r.state, r.enabled])).toEqual([
      ['file:<dir>/broken.yaml', 'invalid', false],
      ['test.a', 'loaded', true],
      ['test.off', 'disabled', false],
    ]);
    expect(rows[0].errors.length).toBeGreaterThan(0);
  });

  it('picks up an edited file and a new one without a restart', async () => {
    files.write('off.yaml', manual('test.off'));
    files.write('b.yaml', manual('test.b'));
    await eventually(async () => {
      const rows = await mirror();
      expect(rows.find((r) => r.id === 'test.off')?.state).toBe('loaded');
      expect(rows.map((r) => r.id)).toContain('test.b');
    });
    await engine.http().post('/definitions/test.b/run').expect(202);
  });

  it('keeps running the last good version of a file an edit breaks, shows the error with path and line, and runs the others', async () => {
    const path = files.write('edit.yaml', manual('test.edit'));
    const good = await eventually(async () => {
      const found = (await listed()).find((d) => d.id === 'test.edit');
      expect(found?.state).toBe('loaded');
      return found;
    });
    files.write('edit.yaml', manual('test.edit').replace("kind: shell, cmd: 'true'", 'kind: teleport'));

    const broken = await eventually(async () => {
      const found = (await listed()).find((d) => d.id === 'test.edit');
      expect(found?.state).toBe('invalid');
      return found;
    });
    expect(broken?.source_path).toBe(path);
    expect(broken?.running_version).toBe(good?.content_hash);
    expect(broken?.errors).toEqual([
      expect.stringMatching(new RegExp(`^${escapeRegExp(path)}:3:\\d+: instruction\\.kind: .+`)),
    ]);
    expect((await mirror()).find((r) => r.id === 'test.edit')?.state).toBe('invalid');

    const run = (await engine.http().post('/definitions/test.edit/run').expect(202)).body as { id: string };
    const finished = await eventually(async () => {
      const body = (await engine.http().get(`/runs/${run.id}`).expect(200)).body;
      expect(body.status).toBe('succeeded');
      return body as { definition_hash: string };
    });
    expect(finished.definition_hash).toBe(good?.content_hash);
    await engine.http().post('/definitions/test.a/run').expect(202);
    expect((await engine.http().get('/health').expect(200)).body.definitions).toMatchObject({ invalid: 2 });
  });

  it('shows what triggers each definition: the event type, or the schedule and its next slot', async () => {
    files.write(
      'nightly.yaml',
      "id: test.nightly\ntrigger: { trigger_type: cron, cron_expression: '0 3 * * *', timezone: UTC }\ninstruction: { kind: shell, cmd: 'true', timeout_seconds: 5 }\n",
    );
    files.write(
      'on-event.yaml',
      "id: test.on-event\ntrigger: { trigger_type: event, event_type: 'org.statehub.repo.*' }\ninstruction: { kind: shell, cmd: 'true', timeout_seconds: 5 }\n",
    );
    const [nightly, onEvent] = await eventually(async () => {
      const all = await listed();
      const found = ['test.nightly', 'test.on-event'].map((id) => all.find((d) => d.id === id));
      expect(found.map((d) => d?.state)).toEqual(['loaded', 'loaded']);
      return found;
    });
    expect(nightly).toMatchObject({
      trigger_type: 'cron',
      cron_expression: '0 3 * * *',
      timezone: 'UTC',
      event_type: null,
    });
    const next = new Date(nightly?.next_fire_at ?? '');
    expect(next.toISOString()).toMatch(/T03:00:00\.000Z$/);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(onEvent).toMatchObject({
      trigger_type: 'event',
      event_type: 'org.statehub.repo.*',
      cron_expression: null,
      next_fire_at: null,
    });
  });

  const listed = async () =>
    (await engine.http().get('/definitions').expect(200)).body as {
      id: string | null;
      source_path: string;
      state: string;
      content_hash: string | null;
      running_version: string | null;
      trigger_type: string | null;
      event_type: string | null;
      cron_expression: string | null;
      timezone: string | null;
      next_fire_at: string | null;
      errors: string[];
    }[];
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
