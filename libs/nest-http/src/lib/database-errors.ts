// Recognises Postgres failures that are the client's fault (a constraint) or
// an outage (503), so neither ever surfaces as a 500.

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
  '40P01', // deadlock_detected: retryable
  '40001', // serialization_failure: retryable
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout)
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /connection is not open/i,
  /cannot use a pool after calling end/i,
  /Connection terminated unexpectedly/i,
];

/** The client sent a value Postgres refuses: wrong format, too long, NUL byte, a NOT NULL or CHECK violation. */
const BAD_VALUE_CODES = new Set(['22P02', '22001', '22003', '22007', '22008', '22021', '22P05', '23502', '23514']);

interface PgLikeError {
  code?: string;
  message?: string;
  constraint?: string;
  detail?: string;
  driverError?: PgLikeError;
}

export type DatabaseFailure =
  | { kind: 'unavailable' }
  | { kind: 'unique'; constraint?: string; detail?: string }
  | { kind: 'foreign_key'; constraint?: string; detail?: string }
  | { kind: 'bad_value'; detail?: string };

export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const err = error as PgLikeError;
  const inner = err.driverError ?? err;
  const code = inner.code ?? err.code;
  if (code && UNAVAILABLE_CODES.has(code)) return { kind: 'unavailable' };
  if (code === '23505') return { kind: 'unique', constraint: inner.constraint, detail: inner.detail };
  if (code === '23503') return { kind: 'foreign_key', constraint: inner.constraint, detail: inner.detail };
  if (BAD_VALUE_CODES.has(code ?? '')) {
    return { kind: 'bad_value', detail: inner.message };
  }
  const message = `${err.message ?? ''} ${inner.message ?? ''}`;
  if (UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return { kind: 'unavailable' };
  return undefined;
}
