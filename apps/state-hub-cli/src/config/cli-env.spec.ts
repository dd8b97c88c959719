import { UsageError } from '../cli/cli-errors';
import { DEFAULT_HUB_URL, readDatabaseEnv, readHubEnv } from './cli-env';

describe('CLI environment', () => {
  it('defaults to the local hub, no token, no database', () => {
    expect(readHubEnv({ INIT_CWD: '/work' })).toEqual({ hubUrl: DEFAULT_HUB_URL, token: undefined, cwd: '/work' });
    expect(readDatabaseEnv({})).toMatchObject({
      databaseUrl: undefined,
      sweepSettings: { commitWriteback: false, workplanDir: 'workplans', repoLockWaitSeconds: 30 },
    });
  });

  it('reads the hub, the token and the SWEEP_* settings', () => {
    expect(readHubEnv({ STATE_HUB_URL: 'https://hub.example.org/', STATE_HUB_API_TOKEN: 't' })).toMatchObject({
      hubUrl: 'https://hub.example.org',
      token: 't',
    });
    expect(
      readDatabaseEnv({ DATABASE_URL: 'postgres://u@h/db', SWEEP_PUSH_WRITEBACK: 'on', SWEEP_WORKPLAN_DIR: 'docs/wp' }),
    ).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      sweepSettings: { pushWriteback: true, workplanDir: 'docs/wp' },
    });
  });

  it.each([
    [{ STATE_HUB_URL: 'ftp://hub' }, /STATE_HUB_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ STATE_HUB_URL: "http://hub/x'y" }, /STATE_HUB_URL must be an http:\/\/ or https:\/\/ URL without quotes/],
  ])('refuses %j', (env, message) => {
    expect(() => readHubEnv(env)).toThrow(UsageError);
    expect(() => readHubEnv(env)).toThrow(message);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ SWEEP_COMMIT_WRITEBACK: 'maybe' }, /SWEEP_COMMIT_WRITEBACK must be true or false \(got "maybe"\)/],
    [{ SWEEP_WORKPLAN_DIR: '../x' }, /SWEEP_WORKPLAN_DIR must be a relative path inside the repo/],
    [{ SWEEP_REPO_LOCK_WAIT_SECONDS: '-1' }, /SWEEP_REPO_LOCK_WAIT_SECONDS must be an integer between 0 and 600/],
  ])('refuses %j', (env, message) => {
    expect(() => readDatabaseEnv(env)).toThrow(UsageError);
    expect(() => readDatabaseEnv(env)).toThrow(message);
  });
});
