// The CLI as CI runs it: a real process, its output and its exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonSchemaFile } from './lib/schema/json-schema-file';

const ROOT = dirname(dirname(jsonSchemaFile()));
const CLI = join(ROOT, 'libs/activity-definitions/src/lint-definitions.ts');

function lint(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lint-definitions CLI', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for clean definitions', () => {
    writeFileSync(
      join(dir, 'ok.yaml'),
      'id: cli.ok\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n',
    );
    const result = lint(dir);
    expect(result).toMatchObject({ code: 0, stdout: '1 definition OK, 0 files with problems\n' });
  });

  it('exits 1 and prints each problem with its location', () => {
    writeFileSync(
      join(dir, 'ok.yaml'),
      'id: cli.ok\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n',
    );
    writeFileSync(
      join(dir, 'broken.yaml'),
      'id: cli.broken\ntrigger:\n  trigger_type: manual\n  cron_expression: "* * * * *"\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n',
    );
    const result = lint(dir);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/broken\.yaml:4:3: trigger\.cron_expression: unknown field$/),
      '1 definition OK, 1 file with problems',
    ]);
  });

  it('exits 1 for a directory that does not exist', () => {
    const result = lint(join(dir, 'missing'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cannot read definitions directory/);
  });

  it('exits 2 with usage on bad arguments', () => {
    expect(lint('a', 'b')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: lint-definitions') });
  });
});
