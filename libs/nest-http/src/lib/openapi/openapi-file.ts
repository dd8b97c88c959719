// Writes an OpenAPI document to its committed file, or (check mode) tells
// whether the committed file still matches the code.
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
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
