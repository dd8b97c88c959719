// Turns the API's own OpenAPI document into fast-check arbitraries of hostile
// requests: for each operation, path params, query params and bodies derived
// from its schemas, mostly broken on purpose (hostile-values.ts), sometimes valid.
import fc from 'fast-check';
import { deeplyNested, hostileString, ODD_QUERY_VALUES, TRAVERSAL_STRINGS } from './hostile-values';
import { malformedBody } from './malformed-bodies';
import type { FuzzOperation, OpenApiDocument, Parameter } from './openapi-document';
import { type FuzzSeeds, mutatedObject, validObject, validValue } from './schema-arbitraries';

export { listOperations, type FuzzOperation, type OpenApiDocument } from './openapi-document';
export type { FuzzSeeds } from './schema-arbitraries';

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string; contentEncoding?: string };

export interface FuzzRequest {
  op: FuzzOperation;
  /** Path and query, already percent-encoded. */
  url: string;
  body: FuzzBody;
  requestId?: string;
}

/** Percent-encodes anything, lone surrogates too (as the invalid UTF-8 that encodeURIComponent refuses to make). */
export function percentEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const lone = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
    out += lone
      ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(ch);
  }
  return out;
}

function bodyArb(doc: OpenApiDocument, op: FuzzOperation, seeds: FuzzSeeds): fc.Arbitrary<FuzzBody> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((value): FuzzBody => ({ kind: 'json', value }));
  if (op.method === 'get') return fc.constant({ kind: 'none' });
  const schema = op.bodySchema ?? { type: 'object', properties: {} };
  const valid = validObject(doc, schema, seeds);
  return fc.oneof(
    { arbitrary: op.bodySchema ? json(valid) : fc.constant<FuzzBody>({ kind: 'none' }), weight: 2 },
    { arbitrary: json(mutatedObject(doc, schema, seeds)), weight: 4 },
    {
      arbitrary: json(
        fc.oneof(
          fc.constantFrom<unknown>(null, [], 'text', 42, true),
          valid.map((v) => [v]),
          deeplyNested(),
        ),
      ),
      weight: 1,
    },
    { arbitrary: malformedBody(valid), weight: 2 },
  );
}

function pathParamArb(op: FuzzOperation, name: string, seeds: FuzzSeeds): fc.Arbitrary<string> {
  const seeded = seeds.pathValues(op, name);
  const encoded = fc.oneof(
    { arbitrary: seeded.length ? fc.constantFrom(...seeded) : fc.uuid(), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.stringMatching(/^[a-z0-9]{1,20}$/), weight: 1 },
    { arbitrary: hostileString(1_000), weight: 3 },
  );
  // Unencoded dot segments and slashes reach the router as they are.
  const raw = fc.constantFrom('..', '.', '../..', ...TRAVERSAL_STRINGS.filter((s) => !s.includes('\\')));
  return fc.oneof({ arbitrary: encoded.map(percentEncode), weight: 6 }, { arbitrary: raw, weight: 1 });
}

function queryValueArb(doc: OpenApiDocument, p: Parameter, seeds: FuzzSeeds): fc.Arbitrary<string[] | undefined> {
  const valid = validValue(doc, p.schema ?? {}, p.name, seeds).map((v) => [String(v)]);
  const hostile = fc.oneof(fc.constantFrom(...ODD_QUERY_VALUES), hostileString(1_000)).map((v) => [v]);
  const repeated = fc.tuple(valid, hostile).map(([a, b]) => [...a, ...b]);
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: valid, weight: 2 },
    { arbitrary: hostile, weight: 2 },
    { arbitrary: repeated, weight: 1 },
  );
}

function queryArb(doc: OpenApiDocument, op: FuzzOperation, seeds: FuzzSeeds): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const values = fc.tuple(...params.map((p) => queryValueArb(doc, p, seeds)));
  const unknown = fc.option(
    fc.tuple(fc.constantFrom('colour', 'limit[$gt]', '__proto__', 'a[b]'), hostileString(200)),
    {
      freq: 6,
    },
  );
  return fc.tuple(values, unknown).map(([vals, extra]) => {
    const pairs = params.flatMap((p, i) => (vals[i] ?? []).map((v) => [p.name, v]));
    if (extra) pairs.push(extra);
    return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  });
}

/** Node refuses request lines over 16 KB before the app sees them; stay well under. */
const MAX_URL = 8_000;

/** Hostile (and now and then valid) requests for one operation. */
export function requestArb(doc: OpenApiDocument, op: FuzzOperation, seeds: FuzzSeeds): fc.Arbitrary<FuzzRequest> {
  const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const path = fc
    .tuple(...names.map((n) => pathParamArb(op, n, seeds)))
    .map((vals) => names.reduce((p, n, i) => p.replace(`{${n}}`, vals[i]), op.path));
  const requestId = fc.option(fc.constantFrom('trace-123', 'x'.repeat(129), "'; DROP TABLE repos--", 'a:b.c-d_e'), {
    freq: 4,
    nil: undefined,
  });
  return fc
    .record({ path, query: queryArb(doc, op, seeds), body: bodyArb(doc, op, seeds), requestId })
    .map(({ path: p, query, body, requestId: id }) =>
      withDescription({ op, url: query ? `${p}?${query}` : p, body, requestId: id }),
    )
    .filter((r) => r.url.length <= MAX_URL);
}

/** A one-line summary with long values cut, for failure messages. */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  const body =
    r.body.kind === 'none'
      ? ''
      : r.body.kind === 'json'
        ? ` json ${cut(JSON.stringify(r.body.value) ?? 'undefined')}`
        : ` ${r.body.contentType}${r.body.contentEncoding ? ` (${r.body.contentEncoding})` : ''} ${cut(JSON.stringify(r.body.text))}`;
  return `${r.op.method.toUpperCase()} ${cut(r.url)}${body}${r.requestId ? ` x-request-id=${cut(r.requestId)}` : ''}`;
}

function withDescription(r: FuzzRequest): FuzzRequest {
  return Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) });
}
