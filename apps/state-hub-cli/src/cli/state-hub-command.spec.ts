// The `state-hub` command itself (package.json "bin" → bin/state-hub.cjs): usable
// as `npx state-hub` from the repo and from a folder inside it, from its build or its
// source, as a global command after `npm link`, on a terminal (colours unless NO_COLOR) and in a pipe;
// and one clear line when the hub or the engine cannot be reached.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@state-hub/testing';
import { chooseCliEntry } from './cli-entry.cjs';
import { runCli, runStateHub, WORKSPACE_ROOT } from '../testing/run-cli';

const exec = promisify(execFile);
const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp' };

describe('the state-hub command', () => {
  it.each([
    ['the repo', WORKSPACE_ROOT],
    ['a folder inside it', join(WORKSPACE_ROOT, 'apps/state-hub-cli/src')],
  ])('runs as `npx state-hub` from %s, without a build', async (_where, cwd) => {
    // STATE_HUB_CLI_SOURCE=1: the source, as on a checkout that was never built
    const { stdout } = await exec('npx', ['--no-install', 'state-hub', '--help'], {
      cwd,
      env: { ...env, STATE_HUB_CLI_SOURCE: '1' },
    });
    expect(stdout).toMatch(/^Usage: state-hub \[options\] \[command\]/);
    expect(stdout).toContain('definitions');
  });

  it('runs its current build (the test target builds it) and answers as the source does', async () => {
    expect(chooseCliEntry(WORKSPACE_ROOT, {}).kind).toBe('build');
    for (const args of [['--help'], ['runs', 'list', '--help'], ['definitions', 'lint', 'activity-definitions']]) {
      const built = await runStateHub(args);
      const source = await runStateHub(args, { STATE_HUB_CLI_SOURCE: '1' });
      expect(built).toMatchObject({ code: 0, stdout: source.stdout, stderr: source.stderr });
      expect(built.stdout).not.toBe('');
    }
  });

  it('becomes a global command with `npm link`', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'npm-link-'));
    try {
      await exec('npm', ['link', '--no-audit', '--no-fund', '--ignore-scripts'], {
        cwd: WORKSPACE_ROOT,
        env: { ...env, npm_config_prefix: prefix },
      });
      const { stdout } = await exec(join(prefix, 'bin/state-hub'), ['runs', 'list', '--help'], { cwd: tmpdir(), env });
      expect(stdout).toMatch(/^Usage: state-hub runs list \[options\]/);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('colours on a terminal, not with NO_COLOR, never in a pipe', async () => {
    const onTerminal = (extra: string) =>
      runCli(['-qec', `${extra} node bin/state-hub.cjs definitions lint activity-definitions`, '/dev/null'], env, {
        command: ['script'],
      });
    const colour = await onTerminal('');
    expect(colour.stdout).toContain('\u001b[32m5 definitions OK, 0 files with problems');
    const plain = await onTerminal('NO_COLOR=1');
    expect(plain.stdout).toContain('5 definitions OK');
    expect(plain.stdout).not.toContain('\u001b[');
    const piped = await runStateHub(['definitions', 'lint'], {});
    expect(`${piped.stdout}${piped.stderr}`).not.toContain('\u001b[');
  });

  it('says in one line that the hub or the engine cannot be reached, and exits 1', async () => {
    const port = await freePort();
    const hub = await runStateHub(['sweep', '--json'], { STATE_HUB_URL: `http://127.0.0.1:${port}` });
    expect(hub).toMatchObject({ code: 1, stdout: '' });
    // after the "waiting for the hub" line, one error line
    expect(hub.stderr.endsWith(`\nerror: cannot reach the hub at http://127.0.0.1:${port}: ECONNREFUSED\n`)).toBe(true);
    const hooks = await runStateHub(['hooks', 'install', '--repo', 'demo', '--hub-url', `http://127.0.0.1:${port}`]);
    expect(hooks).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `error: cannot reach the hub at http://127.0.0.1:${port}: ECONNREFUSED\n`,
    });
    for (const args of [
      ['definitions', 'list'],
      ['runs', 'list', '--json'],
      ['runs', 'show', '0190f7a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b'],
    ]) {
      const engine = await runStateHub([...args, '--engine-url', `http://127.0.0.1:${port}/engine`]);
      expect([args, engine.code, engine.stdout]).toEqual([args, 1, '']);
      expect(engine.stderr).toMatch(
        new RegExp(
          `^error: cannot reach the engine at http://127\\.0\\.0\\.1:${port}/engine: ECONNREFUSED \\(set ENGINE_URL; .*\\)\\n$`,
        ),
      );
    }
  });

  it('says what events tail needs when there is neither NATS_URL nor DATABASE_URL', async () => {
    const run = await runStateHub(['events', 'tail']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(
      /^error: events tail needs NATS_URL \(or --nats-url\) to follow JetStream, or DATABASE_URL/,
    );
  });
});
