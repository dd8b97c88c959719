// The built API as an operator starts it: a bad setting stops it with one line
// per problem on stderr (no stack, no Nest banner) and exit code 1; its logs are
// readable lines with LOG_FORMAT=pretty and JSON lines when stdout is no terminal.
import {
  createTestDatabase,
  freePort,
  HUB_MAIN,
  requireBuilt,
  runToExit,
  startNodeService,
  type TestDatabase,
  WORKSPACE_ROOT,
} from '@state-hub/testing';

describe('the built state-hub-api as a process', () => {
  beforeAll(() => requireBuilt(HUB_MAIN, 'state-hub-api'));

  it.each([
    [{ STATE_HUB_API_TOKEN: 'short' }, ['STATE_HUB_API_TOKEN must be at least 16 characters (got (hidden))']],
    [
      { HOST: '0.0.0.0', STATE_HUB_API_TOKEN: '' },
      [
        'STATE_HUB_API_TOKEN must be set when HOST=0.0.0.0 (not loopback): without it anyone who reaches the port ' +
          'can write. Set STATE_HUB_API_TOKEN (at least 16 characters; clients send Authorization: Bearer <token>), ' +
          'or HOST=127.0.0.1',
      ],
    ],
    [
      { PORT: 'x', DATABASE_URL: 'mysql://db/x', LOG_FORMAT: 'xml' },
      [
        'PORT must be an integer between 1 and 65535 (got "x")',
        'DATABASE_URL must be a postgres:// or postgresql:// URL (got (hidden))',
        'LOG_FORMAT must be one of pretty, json (got "xml")',
      ],
    ],
  ])('refuses %j: exit 1, one line per problem on stderr, nothing else', async (env, problems) => {
    const run = await runToExit(HUB_MAIN, { env, cwd: WORKSPACE_ROOT });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(problems.map((p) => `state-hub-api: ${p}\n`).join(''));
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  describe('logs', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db?.drop());

    /** Starts the API with `env`, waits until it is healthy, stops it and returns what it printed. */
    async function outputOf(env: Record<string, string>): Promise<string[]> {
      const port = await freePort();
      const service = await startNodeService({
        script: HUB_MAIN,
        env: { DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', ...env },
        healthUrl: `http://127.0.0.1:${port}/state/health`,
        cwd: WORKSPACE_ROOT,
      });
      await service.stop();
      // The kept output is a tail: its first line may start mid-record.
      return service.output().split('\n').filter(Boolean).slice(1);
    }

    it('are readable lines with LOG_FORMAT=pretty', async () => {
      const lines = await outputOf({ LOG_FORMAT: 'pretty' });
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Bootstrap\] state-hub-api listening on http:\/\/127\.0\.0\.1:\d+ \(dashboard at \/ui\/, OpenAPI at \/docs\)$/,
        ),
      );
      expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    });

    it('are JSON lines by default when stdout is not a terminal', async () => {
      const records = (await outputOf({})).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records).toContainEqual(
        expect.objectContaining({
          level: 30,
          context: 'Bootstrap',
          msg: expect.stringMatching(/^state-hub-api listening on http:\/\/127\.0\.0\.1:\d+/),
        }),
      );
    });
  });
});
