// `state-hub definitions lint` as CI and authors run it (the bin, no build):
// its output, where each part goes, and its exit code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStateHub } from '../testing/run-cli';

const OK =
  'id: cli.ok\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n';
const BROKEN =
  'id: cli.broken\ntrigger:\n  trigger_type: manual\n  cron_expression: "* * * * *"\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n';

describe('state-hub definitions lint', () => {
  let dir: string;
  const lint = (args: string[], env: Record<string, string> = {}) =>
    runStateHub(['definitions', 'lint', ...args], env, { cwd: dir });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for clean definitions; the summary is a note (stderr in a pipe)', async () => {
    writeFileSync(join(dir, 'ok.yaml'), OK);
    expect(await lint(['.'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '1 definition OK, 0 files with problems\n',
    });
  });

  it('exits 1 and prints each problem with its location, relative to where it ran', async () => {
    writeFileSync(join(dir, 'ok.yaml'), OK);
    writeFileSync(join(dir, 'broken.yaml'), BROKEN);
    const result = await lint([], { ACTIVITY_DEFINITIONS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('broken.yaml:4:3: trigger.cron_expression: unknown field\n');
    expect(result.stderr).toBe('1 definition OK, 1 file with problems\n');
  });

  it('--json: every file with its state, errors and warnings', async () => {
    writeFileSync(join(dir, 'ok.yaml'), OK.replace('"http://hub/x"', '"${HUB}/x"'));
    writeFileSync(join(dir, 'broken.yaml'), BROKEN);
    const result = await lint(['.', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      dir: '.',
      ok: false,
      definitions_ok: 1,
      files_with_problems: 1,
      files: [
        {
          path: 'broken.yaml',
          id: 'cli.broken',
          state: 'invalid',
          errors: ['broken.yaml:4:3: trigger.cron_expression: unknown field'],
          warnings: [],
        },
        {
          path: 'ok.yaml',
          id: 'cli.ok',
          state: 'loaded',
          errors: [],
          warnings: [
            'ok.yaml:3:46: warning: instruction.url: environment variable HUB is not set; checked with a placeholder',
          ],
        },
      ],
    });
  });

  it('exits 1 with one error line for a folder that does not exist, 2 for bad usage', async () => {
    const missing = await lint(['missing']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read definitions directory .*missing.*\n$/);
    expect(await lint(['a', 'b'])).toMatchObject({ code: 2, stderr: expect.stringContaining('too many arguments') });
  });
});
