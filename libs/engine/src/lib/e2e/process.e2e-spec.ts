// The built engine as an operator starts it: a bad setting stops it before
// anything connects, with one line per problem on stderr (no stack, no Nest
// banner) and exit code 1.
import { ENGINE_MAIN, requireBuilt, runToExit, WORKSPACE_ROOT } from '@state-hub/testing';

describe('the built event-consumer as a process', () => {
  beforeAll(() => requireBuilt(ENGINE_MAIN, 'event-consumer'));

  it.each([
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")']],
    [
      { NATS_URL: 'http://nats:4222', ENGINE_DURABLE: 'a b', LOG_FORMAT: 'xml' },
      [
        'NATS_URL must be one or more nats:// (or tls://) URLs, comma separated (got (hidden))',
        'ENGINE_DURABLE must be a consumer name (letters, digits, - and _) (got "a b")',
        'LOG_FORMAT must be one of pretty, json (got "xml")',
      ],
    ],
    [
      { HOST: '0.0.0.0', ENGINE_API_TOKEN: '' },
      [
        'ENGINE_API_TOKEN must be set when HOST=0.0.0.0 (not loopback): without it anyone who reaches the port can ' +
          'write. Set ENGINE_API_TOKEN (at least 16 characters; clients send Authorization: Bearer <token>), or HOST=127.0.0.1',
      ],
    ],
    [{ ENGINE_API_TOKEN: 'short' }, ['ENGINE_API_TOKEN must be at least 16 characters (got (hidden))']],
  ])('refuses %j: exit 1, one line per problem on stderr, nothing else', async (env, problems) => {
    const run = await runToExit(ENGINE_MAIN, { env, cwd: WORKSPACE_ROOT });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(problems.map((p) => `event-consumer: ${p}\n`).join(''));
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });
});
