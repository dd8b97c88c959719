// `state-hub serve` as an operator runs it: the whole system on the port, data
// folder and definitions given as flags, from the build when it is current or
// else from source (the first line says which), and stopped by Ctrl-C with exit 0.
import { DefinitionFiles, eventually, freePort } from '@state-hub/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStateHub, type RunningCli, spawnStateHub } from '../testing/run-cli';

// from source the app compiles first (about half a minute on this machine)
const STARTUP_MS = 150_000;

describe('state-hub serve', () => {
  let files: DefinitionFiles;
  let cwd: string;
  let cli: RunningCli | undefined;
  beforeAll(() => {
    files = new DefinitionFiles();
    files.write(
      'manual.yaml',
      "id: test.manual\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: GET, url: 'http://127.0.0.1:9/x' }\n",
    );
    cwd = mkdtempSync(join(tmpdir(), 'serve-cwd-'));
  });
  afterAll(async () => {
    if (cli && cli.child.exitCode === null) {
      cli.child.kill('SIGTERM'); // passed on to the app
      await Promise.race([cli.exited(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      cli.kill();
    }
    files?.remove();
    rmSync(cwd, { recursive: true, force: true });
  });

  it(
    'runs hub and engine in one process with the flags, and stops on Ctrl-C with exit 0',
    async () => {
      const port = await freePort();
      cli = spawnStateHub(
        ['serve', '--port', String(port), '--data-dir', 'data', '--definitions-dir', files.dir],
        { LOG_LEVEL: 'warn' },
        { cwd },
      );
      // the first line says what runs: the build, or the source and why
      await cli.waitFor(/^state-hub serve: /m, 30_000);
      expect(cli.stderr()).toMatch(
        /^state-hub serve: (running the build dist\/apps\/state-hub\/main\.js|.*running (.*from source|the source instead))/m,
      );
      const url = `http://127.0.0.1:${port}`;
      await eventually(
        async () => {
          const health = await fetch(`${url}/state/health`);
          expect(health.status).toBe(200);
        },
        { timeoutMs: STARTUP_MS, intervalMs: 500 },
      );
      const definitions = (await (await fetch(`${url}/engine/definitions`)).json()) as { id: string; state: string }[];
      expect(definitions).toEqual([expect.objectContaining({ id: 'test.manual', state: 'loaded' })]);
      // --data-dir is relative to where serve ran: the embedded database is there
      expect(readdirSync(join(cwd, 'data')).length).toBeGreaterThan(0);
      cli.child.kill('SIGINT');
      expect(await cli.exited()).toEqual({ code: 0, signal: null });
    },
    STARTUP_MS + 60_000,
  );

  it('exits 1 with one line when the definitions folder is missing, before starting anything', async () => {
    const run = await runStateHub(['serve', '--definitions-dir', 'nowhere'], {}, { cwd });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`error: no definitions folder at ${join(cwd, 'nowhere')} (--definitions-dir)\n`);
    const byDefault = await runStateHub(['serve'], {}, { cwd });
    expect(byDefault.stderr).toBe(
      `error: no definitions folder at ${join(cwd, 'activity-definitions')} (pass --definitions-dir or set ACTIVITY_DEFINITIONS_DIR)\n`,
    );
  });
});
