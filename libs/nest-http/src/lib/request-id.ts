// Every request gets an id before anything else runs (even the body parser),
// so error bodies and log lines of the same request share it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = Omit<IncomingMessage, 'id'> & { id?: unknown };

/** Keeps a caller's X-Request-Id when it is sane, else makes one (Fastify's `genReqId`; the caller echoes it). */
export function requestIdOf(req: WithId): string {
  if (req.id) return String(req.id);
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

/** Keeps a caller's X-Request-Id when it is sane, else makes one; echoes it back. */
export function assignRequestId(req: WithId, res: ServerResponse): string {
  if (req.id) return String(req.id);
  const id = requestIdOf(req);
  res.setHeader('x-request-id', id);
  return id;
}

export function requestIdMiddleware(req: WithId, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}
