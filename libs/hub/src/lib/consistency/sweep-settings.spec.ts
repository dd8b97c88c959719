// The SWEEP_* variables: defaults, accepted spellings, and a refusal naming the variable.
import { ConfigService } from '@nestjs/config';
import { ConfigError, validateConfig } from '../config/app-config';
import { sweepSettings } from './sweep-settings';

const settingsOf = (raw: Record<string, string>) =>
  sweepSettings(new ConfigService(validateConfig(raw) as unknown as Record<string, unknown>));

describe('sweep settings', () => {
  it('defaults to no commit, no push, workplans/, the State Hub author and a 30 s repo lock wait', () => {
    expect(settingsOf({})).toEqual({
      commitWriteback: false,
      pushWriteback: false,
      workplanDir: 'workplans',
      gitAuthorName: 'State Hub',
      gitAuthorEmail: 'state-hub@localhost',
      repoLockWaitSeconds: 30,
    });
  });

  it('reads every variable, booleans in the usual spellings, empty as default', () => {
    expect(
      settingsOf({
        SWEEP_COMMIT_WRITEBACK: 'true',
        SWEEP_PUSH_WRITEBACK: 'YES',
        SWEEP_WORKPLAN_DIR: 'docs/workplans',
        SWEEP_GIT_AUTHOR_NAME: 'Hub Bot',
        SWEEP_GIT_AUTHOR_EMAIL: 'bot@example.org',
        SWEEP_REPO_LOCK_WAIT_SECONDS: '5',
      }),
    ).toEqual({
      commitWriteback: true,
      pushWriteback: true,
      workplanDir: 'docs/workplans',
      gitAuthorName: 'Hub Bot',
      gitAuthorEmail: 'bot@example.org',
      repoLockWaitSeconds: 5,
    });
    expect(settingsOf({ SWEEP_COMMIT_WRITEBACK: '0', SWEEP_WORKPLAN_DIR: '' })).toMatchObject({
      commitWriteback: false,
      workplanDir: 'workplans',
    });
  });

  it.each([
    ['SWEEP_COMMIT_WRITEBACK', 'maybe', /SWEEP_COMMIT_WRITEBACK must be true or false \(got "maybe"\)/],
    ['SWEEP_PUSH_WRITEBACK', '2', /SWEEP_PUSH_WRITEBACK must be true or false/],
    ['SWEEP_WORKPLAN_DIR', '../elsewhere', /SWEEP_WORKPLAN_DIR must be a relative path inside the repo/],
    ['SWEEP_WORKPLAN_DIR', '/abs/path', /SWEEP_WORKPLAN_DIR must be a relative path/],
    ['SWEEP_WORKPLAN_DIR', 'a/../../b', /SWEEP_WORKPLAN_DIR must be a relative path/],
    ['SWEEP_GIT_AUTHOR_NAME', 'Evil <x@y>', /SWEEP_GIT_AUTHOR_NAME must be one line without < or >/],
    ['SWEEP_GIT_AUTHOR_EMAIL', 'not an address', /SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address/],
    ['SWEEP_REPO_LOCK_WAIT_SECONDS', '601', /SWEEP_REPO_LOCK_WAIT_SECONDS must be an integer between 0 and 600/],
  ])('refuses %s=%s, naming it', (name, value, message) => {
    expect(() => validateConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => validateConfig({ [name]: value })).toThrow(message);
  });
});
