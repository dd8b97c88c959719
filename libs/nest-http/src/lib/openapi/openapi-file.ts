// Writes an OpenAPI document to its committed file, or (check mode) tells
// whether the committed file still matches the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiProblems } from './openapi-document';

/** Pretty JSON in the order the document was built, with a final newline. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface OpenApiFileOptions {
  /** Absolute path of the committed document. */
  file: string;
  /** Compare instead of writing. */
  check: boolean;
  /** The command that rewrites the file, named in the stale message. */
  regenerate: string;
}

/**
 * Writes (or checks) the file; resolves to what to print and whether it is a failure. A document with
 * problems (see openApiProblems) is neither written nor accepted.
 */
export async function emitOpenApiFile(
  document: OpenAPIObject,
  options: OpenApiFileOptions,
): Promise<{ ok: boolean; message: string }> {
  const name = relative(process.cwd(), options.file);
  const problems = openApiProblems(document);
  if (problems.length > 0) {
    return { ok: false, message: `${name}: the document is incomplete:\n  ${problems.join('\n  ')}` };
  }
  const json = openApiJson(document);
  if (!options.check) {
    await writeFile(options.file, json);
    return { ok: true, message: `wrote ${name} (${Object.keys(document.paths).length} paths)` };
  }
  const committed = await readFile(options.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (committed === json) return { ok: true, message: `${name} is up to date` };
  return {
    ok: false,
    message: `${name} is ${committed === undefined ? 'missing' : 'stale'}: run ${options.regenerate}`,
  };
}

/**
 * Builds an app's document without a server, a database or NATS: the module is created in Nest's preview mode
 * (modules and routes, no provider instantiated). `createModule` gets a throwaway data directory to point any
 * embedded database at, so a developer's own data stays out of reach all the same.
 */
export async function previewOpenApiDocument(
  createModule: (dataDir: string) => Promise<DynamicModule>,
  build: (app: INestApplication) => OpenAPIObject,
): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    const app = await NestFactory.create(await createModule(dataDir), {
      preview: true,
      logger: false,
      abortOnError: false,
    });
    const document = build(app);
    await app.close();
    return document;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The `main` of an app's OpenAPI writer script: writes `file`, or with `--check` compares; exit code 1 on failure. */
export function runOpenApiWriter(generate: () => Promise<OpenAPIObject>, file: string, regenerate: string): void {
  const write = async () => {
    const result = await emitOpenApiFile(await generate(), {
      file,
      check: process.argv.includes('--check'),
      regenerate,
    });
    (result.ok ? console.log : console.error)(result.message);
    process.exitCode = result.ok ? 0 : 1;
  };
  write().catch((error: unknown) => {
    console.error('writing the OpenAPI document failed:', error);
    process.exitCode = 1;
  });
}
