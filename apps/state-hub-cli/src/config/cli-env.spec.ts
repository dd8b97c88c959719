import { ConfigError } from '@state-hub/config';
import {
  DEFAULT_ENGINE_URL,
  DEFAULT_HUB_URL,
  readCommandEnv,
  readDefinitionsEnv,
  readEngineEnv,
  readEventsEnv,
  readHubEnv,
  readServeEnv,
} from './cli-env';

const readDatabaseEnv = async (env: Record<string, string>) => (await readCommandEnv(env)).database;

describe('CLI environment', () => {
  it('defaults to the local hub, no token, no database', async () => {
    expect(readHubEnv({ INIT_CWD: '/work' })).toEqual({ hubUrl: DEFAULT_HUB_URL, token: undefined, cwd: '/work' });
    expect(await readDatabaseEnv({})).toMatchObject({
      databaseUrl: undefined,
      sweepSettings: { commitWriteback: false, workplanDir: 'workplans', repoLockWaitSeconds: 30 },
    });
  });

  it('names every bad variable at once, one line each', async () => {
    const attempt = () =>
      readCommandEnv({
        STATE_HUB_URL: 'ftp://hub',
        SWEEP_COMMIT_WRITEBACK: 'maybe',
        SWEEP_REPO_LOCK_WAIT_SECONDS: '-1',
      });
    await expect(attempt()).rejects.toThrow(ConfigError);
    const err = (await attempt().catch((e: unknown) => e)) as ConfigError;
    expect(err.problems).toEqual([
      'STATE_HUB_URL must be an http:// or https:// URL without quotes, query or fragment (got "ftp://hub")',
      'SWEEP_COMMIT_WRITEBACK must be true or false (got "maybe")',
      'SWEEP_REPO_LOCK_WAIT_SECONDS must be an integer between 0 and 600 (got "-1")',
    ]);
  });

  it('reads the hub, the token and the SWEEP_* settings', async () => {
    expect(readHubEnv({ STATE_HUB_URL: 'https://hub.example.org/', STATE_HUB_API_TOKEN: 't' })).toMatchObject({
      hubUrl: 'https://hub.example.org',
      token: 't',
    });
    expect(
      await readDatabaseEnv({
        DATABASE_URL: 'postgres://u@h/db',
        SWEEP_PUSH_WRITEBACK: 'on',
        SWEEP_WORKPLAN_DIR: 'docs/wp',
        SWEEP_GIT_AUTHOR_NAME: 'Hub Bot',
        SWEEP_GIT_AUTHOR_EMAIL: 'bot@example.org',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      sweepSettings: {
        pushWriteback: true,
        workplanDir: 'docs/wp',
        gitAuthorName: 'Hub Bot',
        gitAuthorEmail: 'bot@example.org',
      },
    });
    // empty means the default, as in the API (FOO= in a compose file)
    expect(
      (await readDatabaseEnv({ SWEEP_GIT_AUTHOR_NAME: '', SWEEP_GIT_AUTHOR_EMAIL: '' })).sweepSettings,
    ).toMatchObject({
      gitAuthorName: 'State Hub',
      gitAuthorEmail: 'state-hub@localhost',
    });
  });

  it.each([
    [{ STATE_HUB_URL: 'ftp://hub' }, /STATE_HUB_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ STATE_HUB_URL: "http://hub/x'y" }, /STATE_HUB_URL must be an http:\/\/ or https:\/\/ URL without quotes/],
  ])('refuses %j', (env, message) => {
    expect(() => readHubEnv(env)).toThrow(ConfigError);
    expect(() => readHubEnv(env)).toThrow(message);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ SWEEP_COMMIT_WRITEBACK: 'maybe' }, /SWEEP_COMMIT_WRITEBACK must be true or false \(got "maybe"\)/],
    [{ SWEEP_WORKPLAN_DIR: '../x' }, /SWEEP_WORKPLAN_DIR must be a relative path inside the repo/],
    [{ SWEEP_REPO_LOCK_WAIT_SECONDS: '-1' }, /SWEEP_REPO_LOCK_WAIT_SECONDS must be an integer between 0 and 600/],
    [{ SWEEP_GIT_AUTHOR_NAME: 'Bot <bot@x>' }, /SWEEP_GIT_AUTHOR_NAME must be one line without < or >/],
    [
      { SWEEP_GIT_AUTHOR_NAME: 'Bot\nEvil' },
      /SWEEP_GIT_AUTHOR_NAME must be one line without < or > \(got "Bot\\nEvil"\)/,
    ],
    [{ SWEEP_GIT_AUTHOR_NAME: 'x'.repeat(201) }, /SWEEP_GIT_AUTHOR_NAME must be at most 200 characters/],
    [
      { SWEEP_GIT_AUTHOR_EMAIL: 'not-an-email' },
      /SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address \(got "not-an-email"\)/,
    ],
    [{ SWEEP_GIT_AUTHOR_EMAIL: 'bot @example.org' }, /SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address/],
  ])('refuses %j', async (env, message) => {
    await expect(readDatabaseEnv(env)).rejects.toThrow(ConfigError);
    await expect(readDatabaseEnv(env)).rejects.toThrow(message);
  });

  it('reads the engine: ENGINE_URL, and ENGINE_API_TOKEN before the hub token', () => {
    expect(readEngineEnv({})).toEqual({ engineUrl: DEFAULT_ENGINE_URL, token: undefined });
    expect(readEngineEnv({ ENGINE_URL: 'http://127.0.0.1:3000/engine/', STATE_HUB_API_TOKEN: 'hub' })).toEqual({
      engineUrl: 'http://127.0.0.1:3000/engine',
      token: 'hub',
    });
    expect(readEngineEnv({ STATE_HUB_API_TOKEN: 'hub', ENGINE_API_TOKEN: 'engine' }).token).toBe('engine');
    expect(() => readEngineEnv({ ENGINE_URL: 'nats://x' })).toThrow(
      'ENGINE_URL must be an http:// or https:// URL without quotes, query or fragment (got "nats://x")',
    );
  });

  it('lets --engine-url, --hub-url and --token win over the variables (a bad variable then does not matter)', () => {
    const env = { ENGINE_URL: 'nats://x', ENGINE_API_TOKEN: 'engine', STATE_HUB_URL: 'ftp://x' };
    expect(readEngineEnv(env, { engineUrl: 'http://e:1', token: 'flag' })).toEqual({
      engineUrl: 'http://e:1',
      token: 'flag',
    });
    expect(readHubEnv(env, { hubUrl: 'http://h:2' })).toMatchObject({ hubUrl: 'http://h:2', token: undefined });
  });

  it('reads where events tail follows: NATS_URL and NATS_STREAM, else DATABASE_URL; flags win', () => {
    expect(readEventsEnv({}, {})).toEqual({ natsUrl: undefined, stream: 'ACTIVITY_EVENTS', databaseUrl: undefined });
    expect(readEventsEnv({ NATS_URL: 'nats://a:4222,nats://b:4222', NATS_STREAM: 'ORG' }, {})).toMatchObject({
      natsUrl: 'nats://a:4222,nats://b:4222',
      stream: 'ORG',
    });
    expect(readEventsEnv({ NATS_URL: 'nats://a:4222' }, { natsUrl: 'nats://b:1', stream: 'X' })).toMatchObject({
      natsUrl: 'nats://b:1',
      stream: 'X',
    });
    expect(readEventsEnv({ DATABASE_URL: 'postgres://db/x' }, {}).databaseUrl).toBe('postgres://db/x');
    expect(() => readEventsEnv({ NATS_URL: 'http://x', NATS_STREAM: 'a.b' }, {})).toThrow(ConfigError);
  });

  it('reads the definitions folder as the engine does, and passes the environment on for ${VAR}s', () => {
    expect(readDefinitionsEnv({ INIT_CWD: '/w' })).toEqual({
      dir: 'activity-definitions',
      variables: { INIT_CWD: '/w' },
      cwd: '/w',
    });
    expect(readDefinitionsEnv({ ACTIVITY_DEFINITIONS_DIR: '/defs' }).dir).toBe('/defs');
  });

  it('hands serve the whole environment (without npm’s INIT_CWD) and its folders', () => {
    expect(readServeEnv({ INIT_CWD: '/w', DATABASE_URL: 'postgres://db/x', STATE_HUB_DATA_DIR: '/data' })).toEqual({
      cwd: '/w',
      definitionsDir: 'activity-definitions',
      dataDir: '/data',
      appEnv: { DATABASE_URL: 'postgres://db/x', STATE_HUB_DATA_DIR: '/data' },
    });
  });
});
