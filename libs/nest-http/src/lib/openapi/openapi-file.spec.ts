import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { emitOpenApiFile, openApiJson } from './openapi-file';

const operation = { operationId: 'getNote', summary: 'Get a note', tags: ['notes'], responses: {} };
const doc = (title: string): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title, version: '1' },
  tags: [{ name: 'notes' }],
  paths: { '/notes': { get: operation } },
});

describe('emitOpenApiFile', () => {
  let dir: string;
  let file: string;
  const options = (check: boolean) => ({ file, check, regenerate: 'npx nx run app:openapi' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openapi-file-'));
    file = join(dir, 'openapi.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes pretty JSON with a final newline, which the check then accepts', async () => {
    expect(await emitOpenApiFile(doc('A'), options(false))).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc('A'), null, 2)}\n`);
    expect(await emitOpenApiFile(doc('A'), options(true))).toEqual({
      ok: true,
      message: `${relative(process.cwd(), file)} is up to date`,
    });
  });

  it('fails the check on a stale or missing file, naming the command that rewrites it, and writes nothing', async () => {
    expect(await emitOpenApiFile(doc('A'), options(true))).toEqual({
      ok: false,
      message: `${relative(process.cwd(), file)} is missing: run npx nx run app:openapi`,
    });
    writeFileSync(file, openApiJson(doc('B')));
    expect(await emitOpenApiFile(doc('A'), options(true))).toEqual({
      ok: false,
      message: `${relative(process.cwd(), file)} is stale: run npx nx run app:openapi`,
    });
    expect(readFileSync(file, 'utf8')).toBe(openApiJson(doc('B')));
  });

  it('neither writes nor accepts an incomplete document', async () => {
    const incomplete = doc('A');
    incomplete.paths['/notes'].get = { ...operation, operationId: 'NotesController_get' };
    const result = await emitOpenApiFile(incomplete, options(false));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('GET /notes: set a camelCase @ApiOperation({ operationId })');
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
