// The hub reads request bodies itself, as one Fastify content-type parser for every type (configure-app.ts):
// - a webhook's body stays raw bytes (gzip/deflate/br inflated), whatever its type: its signature is checked on
//   exactly what was sent;
// - a JSON body (application/json, any parameters) is parsed: an object or an array, UTF-8, gzip/deflate/br
//   inflated, at most BODY_LIMIT once inflated;
// - any other body is read (within the limit) and left out: a route that reads a body answers 415
//   (JsonContentTypeGuard), one that reads none ignores it.
// Refusals are shaped like the body-parser errors HttpErrorFilter already answers (`type` and `status`).
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { JSON_TYPE } from '../validation/json-content-type.guard';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;
/** Strict JSON: the body-parser default, an object or an array (whitespace first is fine). */
const OBJECT_OR_ARRAY = /^[\s\uFEFF]*[{[]/;

const INFLATE: Record<string, (body: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/** An error the one error filter answers like body-parser's (413, 400, 415). */
export function bodyError(type: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { type, status, expose: true });
}

/** `512kb`, `1mb` or `100b` (the BODY_LIMIT setting) in bytes. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!match) throw new Error(`BODY_LIMIT must be a size such as '512kb' or '1mb', not '${limit}'`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

/** The bytes as sent, without any Content-Encoding: 415 for an unknown one, 413 when inflated past `limit`. */
function decoded(body: Buffer, encoding: string | undefined, limit: number): Buffer {
  if (encoding === undefined) return body;
  const name = encoding.trim().toLowerCase();
  if (name === 'identity' || name === '') return body;
  const inflate = INFLATE[name];
  if (!inflate) throw bodyError('encoding.unsupported', 415, `unsupported content encoding "${name.slice(0, 40)}"`);
  try {
    return inflate(body, { maxOutputLength: limit });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw bodyError('entity.too.large', 413, 'request body is too large');
    }
    throw bodyError('entity.decode.failed', 400, `request body is not valid ${name} data`);
  }
}

export interface BodyHeaders {
  'content-type'?: string;
  'content-encoding'?: string;
}

/** What a route sees as its body: the raw bytes (`raw`), the parsed JSON, or undefined for another type. */
export function readBody(body: Buffer, headers: BodyHeaders, limit: number, raw: boolean): unknown {
  if (raw) return decoded(body, headers['content-encoding'], limit);
  const type = headers['content-type'];
  // the type nearly every client sends, without a parameter to look at
  if (type !== 'application/json') {
    if (!type || !JSON_TYPE.test(type)) return undefined;
    const charset = CHARSET.exec(type)?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw bodyError('charset.unsupported', 415, `unsupported charset "${charset.slice(0, 40).toUpperCase()}"`);
    }
  }
  const text = decoded(body, headers['content-encoding'], limit).toString('utf8');
  if (text.length === 0) return {};
  const first = text.charCodeAt(0);
  // `{` or `[` first, the usual case, needs no look past leading whitespace
  if (first !== 0x7b && first !== 0x5b && !OBJECT_OR_ARRAY.test(text)) {
    throw bodyError('entity.parse.failed', 400, 'request body is not valid JSON');
  }
  try {
    return JSON.parse(first === 0xfeff ? text.slice(1) : text);
  } catch {
    throw bodyError('entity.parse.failed', 400, 'request body is not valid JSON');
  }
}
