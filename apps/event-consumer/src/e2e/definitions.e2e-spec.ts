// Definitions are mirrored into activity_definitions, and an edited file is
// picked up without a restart.
import {
  createTestDatabase,
  eventually,
  type NatsServer,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { DefinitionFiles } from '../testing/definition-files';
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
});
