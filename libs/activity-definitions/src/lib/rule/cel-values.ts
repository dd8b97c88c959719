// Converts between the JSON-shaped data the engine holds (events, HTTP bodies)
// and CEL values. JSON numbers become CEL doubles, as in cel-go's JSON support.
import { isCelList, isCelMap, isCelUint, type CelInput } from '@bufbuild/cel';

const MAX_DEPTH = 64;
const TIMESTAMP_TYPE = 'google.protobuf.Timestamp';
const DURATION_TYPE = 'google.protobuf.Duration';

/** A CEL timestamp for `date` (a protobuf Timestamp message, which CEL takes as input). */
export function celTimestamp(date: Date): CelInput {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { $typeName: TIMESTAMP_TYPE, seconds: BigInt(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

/**
 * JSON-like data as CEL input. Objects become maps (never messages, even with a
 * `$typeName` key); anything that is not data (functions, symbols) becomes null.
 */
export function toCelInput(value: unknown, depth = 0): CelInput {
  if (value === null || value === undefined || depth > MAX_DEPTH) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'bigint':
      return value;
    case 'object':
      return objectToCel(value, depth);
    default:
      return null;
  }
}

function objectToCel(value: object, depth: number): CelInput {
  if (value instanceof Date) return celTimestamp(value);
  if (Array.isArray(value)) return value.map((item: unknown) => toCelInput(item, depth + 1));
  const map = new Map<string, CelInput>();
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) map.set(key, toCelInput(item, depth + 1));
  }
  return map;
}

/** A CEL result as plain JSON, for run records: bigints as numbers (or strings when too large). */
export function fromCelValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return bigintToJson(value);
  if (depth > MAX_DEPTH) return null;
  if (isCelUint(value)) return bigintToJson(value.value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (isCelList(value)) return Array.from(value, (item) => fromCelValue(item, depth + 1));
  if (isCelMap(value)) {
    return Object.fromEntries(Array.from(value, ([key, item]) => [String(key), fromCelValue(item, depth + 1)]));
  }
  return messageToJson(value);
}

function bigintToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

interface MessageLike {
  message?: { $typeName?: string; seconds?: bigint; nanos?: number };
}

function messageToJson(value: unknown): unknown {
  const message = (value as MessageLike | undefined)?.message;
  if (message?.$typeName === TIMESTAMP_TYPE) {
    return new Date(Number(message.seconds ?? 0n) * 1000 + Math.floor((message.nanos ?? 0) / 1e6)).toISOString();
  }
  if (message?.$typeName === DURATION_TYPE) {
    return `${Number(message.seconds ?? 0n) + (message.nanos ?? 0) / 1e9}s`;
  }
  return String(value);
}
