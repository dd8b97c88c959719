// One event as one readable line: time, type (and the subject when it differs),
// publisher, then the attributes as key=value; or, for --json, the envelope as
// received on one line.
import type { Printer } from '../cli/printer';

/** A message as a feed delivers it: the subject it came on and its payload as text. */
export interface TailedMessage {
  subject: string;
  payload: string;
}

const MAX_ATTRIBUTES_ON_TERMINAL = 160;

function attributeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') return '{…}';
  if (typeof value === 'string') return /^[^\s"'=]+$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function attributesText(attributes: unknown): string {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return '';
  return Object.entries(attributes as Record<string, unknown>)
    .map(([key, value]) => `${key}=${attributeValue(value)}`)
    .join(' ');
}

function parse(payload: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);

/** The readable line; a payload that is not a JSON object still gets one, saying so. */
export function eventLine(message: TailedMessage, out: Printer): string {
  const envelope = parse(message.payload);
  if (!envelope) {
    const bytes = Buffer.byteLength(message.payload);
    return `${out.paint('dim', new Date().toISOString())}  ${out.paint('cyan', message.subject)}  (not an envelope: ${bytes} bytes that are not a JSON object)`;
  }
  const type = text(envelope['type'], '?');
  const shownType = type === message.subject ? type : `${type} (on ${message.subject})`;
  let attributes = attributesText(envelope['attributes']);
  if (out.style.table && attributes.length > MAX_ATTRIBUTES_ON_TERMINAL) {
    attributes = `${attributes.slice(0, MAX_ATTRIBUTES_ON_TERMINAL - 1)}…`;
  }
  return [
    out.paint('dim', text(envelope['timestamp'], '?')),
    out.paint('cyan', shownType),
    out.paint('magenta', text(envelope['publisher'], '?')),
    attributes,
  ]
    .join('  ')
    .trimEnd();
}

/** The envelope on one line for --json; undefined when the payload is not a JSON object. */
export function eventJson(message: TailedMessage): string | undefined {
  const envelope = parse(message.payload);
  return envelope && JSON.stringify(envelope);
}
