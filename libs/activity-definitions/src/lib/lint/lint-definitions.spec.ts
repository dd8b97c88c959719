import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonSchemaFile } from '../schema/json-schema-file';
import { lintDefinitions } from './lint-definitions';

const GOOD = `id: lint.good
trigger: { trigger_type: cron, cron_expression: "0 3 * * *" }
instruction: { kind: http, method: POST, url: "\${STATE_HUB_URL}/x" }
`;

describe('lintDefinitions', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-definitions-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a clean directory, warning about unset variables', async () => {
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    const report = await lintDefinitions(dir, { env: {}, cwd: dir });
    expect(report).toEqual({
      lines: [
        'good.yaml:3:47: warning: instruction.url: environment variable STATE_HUB_URL is not set; checked with a placeholder',
        '1 definition OK, 0 files with problems, 1 warning',
      ],
      files: [
        {
          path: 'good.yaml',
          id: 'lint.good',
          state: 'loaded',
          errors: [],
          warnings: [
            'good.yaml:3:47: warning: instruction.url: environment variable STATE_HUB_URL is not set; checked with a placeholder',
          ],
        },
      ],
      definitionsOk: 1,
      filesWithProblems: 0,
      exitCode: 0,
    });
  });

  it('uses variables that are set', async () => {
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    const report = await lintDefinitions(dir, { env: { STATE_HUB_URL: 'http://hub' }, cwd: dir });
    expect(report.lines).toEqual(['1 definition OK, 0 files with problems']);
  });

  it('prints path:line:col: message per problem and fails', async () => {
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    writeFileSync(join(dir, 'bad.yaml'), GOOD.replace('lint.good', 'lint.bad').replace('0 3 * * *', '0 25 * * *'));
    const report = await lintDefinitions(dir, { env: { STATE_HUB_URL: 'http://hub' }, cwd: dir });
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      expect.stringMatching(/^bad\.yaml:2:49: trigger\.cron_expression: invalid cron expression "0 25 \* \* \*": /),
      '1 definition OK, 1 file with problems',
    ]);
    expect(report.files.find((f) => f.path === 'bad.yaml')).toMatchObject({
      state: 'invalid',
      errors: [report.lines[0]],
    });
  });

  it('fails when the directory cannot be read', async () => {
    const report = await lintDefinitions(join(dir, 'missing'), { env: {}, cwd: dir });
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toMatch(/^cannot read definitions directory/);
    expect(report.error).toBe(report.lines[0]);
  });

  it("passes the repository's own definitions", async () => {
    const definitions = dirname(jsonSchemaFile());
    const report = await lintDefinitions(definitions, { env: {}, cwd: definitions });
    expect(report.filesWithProblems).toBe(0);
    expect(report.definitionsOk).toBeGreaterThanOrEqual(3);
    expect(report.lines.filter((line) => !line.includes('is not set; checked with a placeholder'))).toEqual([
      expect.stringMatching(/ OK, 0 files with problems/),
    ]);
  });
});
