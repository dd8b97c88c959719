// Every request gets an id before anything else runs (even the body parser),
// so error bodies and log lines of the same request share it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string };

/** Keeps a caller's X-Request-Id when it is sane, else makes one; echoes it back. */
export function assignRequestId(req: WithId, res: ServerResponse): string {
  if (req.id) return req.id;
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', req.id);
  return req.id;
}

export function requestIdMiddleware(req: WithId, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}
