// Hostile payloads for one catalog subject, as a broken or malicious producer
// would publish them straight onto the stream, each with the dead-letter reason
// it must get; and odd but readable ones, which a tolerant reader runs with a
// warning (DESIGN §3). Generated with fast-check from a seed, so a run can be replayed.
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { buildEvent, CATALOG, SUBJECTS, type Subject } from '@state-hub/subjects';
import fc from 'fast-check';

export interface Hostile {
  kind: string;
  subject: Subject;
  data: Uint8Array;
  /** What the dead letter's reason must say. */
  why: RegExp;
}

/** A readable envelope whose attributes break the v1 schema: it runs, and its run warns. */
export interface Tolerated {
  kind: string;
  subject: Subject;
  /** The envelope id, so the run can be found by its trigger key. */
  id: string;
  data: Uint8Array;
  /** What one of the run's warnings must say. */
  warning: RegExp;
}

const REQUIRED_FIELDS = ['id', 'type', 'version', 'timestamp', 'publisher', 'attributes'] as const;
const TIMESTAMP = '2026-11-23T10:00:00.000Z';
const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80]];
const UNDECODABLE = /^(not valid UTF-8|not valid JSON \(.+\)|invalid envelope: .+)$/;

const utf8 = (text: string) => new TextEncoder().encode(text);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A valid v1 event of the subject, as the hub would publish it. */
export function validEvent(subject: Subject, id?: string): EventEnvelope {
  return buildEvent(subject, CATALOG[subject].example, { timestamp: TIMESTAMP, ...(id ? { id } : {}) });
}

/** Every kind of hostile payload for `subject`; the huge one is `hugeBytes` long. */
export function hostilePayloads(subject: Subject, seed: number, hugeBytes: number): Hostile[] {
  const [generated] = fc.sample(hostileArb(subject, hugeBytes), { seed, numRuns: 1 });
  return [...generated, ...missingFields(subject)];
}

/** Readable envelopes of `subject` that break its schema: attributes missing, mistyped, unknown, or huge. */
export function toleratedPayloads(subject: Subject, seed: number, hugeBytes: number): Tolerated[] {
  // Ids of another publisher's form, unique per payload so that each one gets a run of its own.
  const event = (i: number): EventEnvelope => ({ ...validEvent(subject), id: `foreign-${seed}-${i}` });
  const tolerated = fc.tuple(
    badAttributes(subject, fc.constant(event(0))),
    badAttributes(subject, fc.constant(event(1))),
    badAttributes(subject, fc.constant(event(2))),
    // Readable, if absurd: the stream's largest message, the bulk in one attribute far over its limit.
    stringAttribute(subject).map((key) => hugeEnvelope(event(3), key, hugeBytes)),
  );
  const [generated] = fc.sample(tolerated, { seed, numRuns: 1 });
  return generated.map((payload, i) => ({ ...payload, subject, id: event(i).id }));
}

function hostileArb(subject: Subject, hugeBytes: number): fc.Arbitrary<Hostile[]> {
  const valid = fc.uuid({ version: 7 }).map((id) => validEvent(subject, id));
  const kinds: fc.Arbitrary<Omit<Hostile, 'subject'>>[] = [
    fc.uint8Array({ minLength: 1, maxLength: 512 }).map((data) => ({ kind: 'random-bytes', data, why: UNDECODABLE })),
    fc.constant({ kind: 'empty', data: new Uint8Array(), why: /^not valid JSON \(.+\)$/ }),
    fc.tuple(valid, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([event, at]) => {
      const full = encodeEnvelope(event);
      return { kind: 'truncated', data: full.slice(0, 1 + Math.floor(at * (full.length - 1))), why: /^not valid JSON/ };
    }),
    notAnObject(),
    fc.tuple(valid, fc.constantFrom(...REQUIRED_FIELDS), wrongValue()).map(([event, field, value]) => ({
      kind: `wrong-type ${field}`,
      data: utf8(JSON.stringify({ ...event, [field]: field === 'attributes' ? [value] : { value } })),
      why: new RegExp(`^invalid envelope: (.+; )?${field}: `),
    })),
    fc.constantFrom(...Object.values(SUBJECTS).filter((s) => s !== subject)).map((other) => ({
      kind: 'type-not-subject',
      data: encodeEnvelope(validEvent(other)),
      why: new RegExp(`^envelope type ${escape(other)} does not match subject ${escape(subject)}$`),
    })),
    fc
      .tuple(valid, fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 99 })), fc.nat(99))
      .map(([event, major, minor]) => ({
        kind: 'future-version',
        data: encodeEnvelope({ ...event, version: `${major}.${minor}` }),
        why: new RegExp(`^unsupported version "${major}\\.${minor}" of ${escape(subject)}: this engine reads 1\\.x$`),
      })),
    fc.tuple(valid, fc.constantFrom('', 'x'.repeat(129), 'evt\n42', 'evt\u0000')).map(([event, id]) => ({
      kind: 'unreadable-id',
      data: utf8(JSON.stringify({ ...event, id })),
      why: /^invalid envelope: id: must (not be empty|be at most 128 characters|be printable characters only, got .+)$/,
    })),
    fc
      .tuple(valid, fc.constantFrom('yesterday', '2026-06-21T19:46:43.123456', '2026-13-01T00:00:00Z'))
      .map(([event, timestamp]) => ({
        kind: 'unreadable-timestamp',
        data: utf8(JSON.stringify({ ...event, timestamp })),
        why: /^invalid envelope: timestamp: must be an RFC 3339 timestamp with an offset/,
      })),
    fc
      .tuple(valid, fc.constantFrom(...INVALID_UTF8), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([event, bad, at]) => {
        const full = encodeEnvelope(event);
        const cut = Math.floor(at * full.length);
        return {
          kind: 'invalid-utf8',
          data: concat(full.slice(0, cut), new Uint8Array(bad), full.slice(cut)),
          why: /^not valid UTF-8$/,
        };
      }),
    fc.uint8Array({ minLength: 64, maxLength: 64 }).map((chunk) => ({
      kind: 'huge-bytes',
      data: repeatTo(chunk, hugeBytes),
      why: UNDECODABLE,
    })),
  ];
  return fc.tuple(...kinds).map((list) => list.map((hostile) => ({ ...hostile, subject })));
}

/** Valid JSON that is not an object: a number, string, boolean, null or array. */
function notAnObject(): fc.Arbitrary<Omit<Hostile, 'subject'>> {
  const value = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 40 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  );
  return value.map((v) => ({
    kind: 'not-an-object',
    data: utf8(JSON.stringify(v)),
    why: /^invalid envelope: envelope: expected a JSON object, got (number|string|boolean|null|array)$/,
  }));
}

/** A value no envelope field and no catalog attribute accepts (nullable ones accept null, so no null). */
function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(''),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.constant({}),
  );
}

/** A v1.x envelope whose attributes break the subject's schema: one attribute missing, mistyped or unknown. */
function badAttributes(
  subject: Subject,
  valid: fc.Arbitrary<EventEnvelope>,
): fc.Arbitrary<Omit<Tolerated, 'subject' | 'id'>> {
  const keys = Object.keys(CATALOG[subject].example);
  const mutation = fc.constantFrom('missing', 'wrong-type', 'unknown');
  return fc
    .tuple(valid, fc.constantFrom(...keys), mutation, wrongValue(), fc.nat(9))
    .map(([event, key, how, value, minor]) => {
      const attributes: Record<string, unknown> = { ...event.attributes };
      const named = how === 'unknown' ? `${key}_extra` : key;
      if (how === 'missing') delete attributes[key];
      else attributes[named] = how === 'unknown' ? 'surprise' : value;
      return {
        kind: `attributes ${how} ${named}`,
        data: utf8(JSON.stringify({ ...event, version: `1.${minor}`, attributes })),
        warning: new RegExp(`^attributes\\.${named}: `),
      };
    });
}

function missingFields(subject: Subject): Hostile[] {
  return REQUIRED_FIELDS.map((field) => {
    const event: Record<string, unknown> = { ...validEvent(subject) };
    delete event[field];
    return {
      kind: `missing ${field}`,
      subject,
      data: utf8(JSON.stringify(event)),
      // libs/envelope says "required" for every field but attributes ("expected a JSON object, got undefined").
      why: new RegExp(`^invalid envelope: ${field}: (required|expected a JSON object, got undefined)$`),
    };
  });
}

function stringAttribute(subject: Subject): fc.Arbitrary<string> {
  const example = CATALOG[subject].example as Record<string, unknown>;
  return fc.constantFrom(...Object.keys(example).filter((key) => typeof example[key] === 'string'));
}

/** A well-formed envelope exactly `size` bytes long, the bulk in one string attribute far over its limit. */
function hugeEnvelope(event: EventEnvelope, key: string, size: number): Omit<Tolerated, 'subject' | 'id'> {
  const withValue = (value: string) =>
    utf8(JSON.stringify({ ...event, attributes: { ...event.attributes, [key]: value } }));
  const fill = size - withValue('').length;
  return {
    kind: `huge-envelope ${key}`,
    data: withValue('x'.repeat(fill)),
    warning: new RegExp(`^attributes\\.${key}: `),
  };
}

function repeatTo(chunk: Uint8Array, size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let at = 0; at < size; at += chunk.length) data.set(chunk.subarray(0, size - at), at);
  return data;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return data;
}
