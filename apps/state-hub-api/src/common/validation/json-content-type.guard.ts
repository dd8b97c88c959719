// A write that carries a body must say it is JSON. Without this, express's JSON
// parser skips a `text/plain` or form body and the route sees `{}`, answering
// with "field is required" errors that hide the real mistake.
import { CanActivate, ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** application/json with optional parameters: the one type the body parser reads. */
const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

export function hasBody(req: Pick<Request, 'headers'>): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

@Injectable()
export class JsonContentTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!WRITE_METHODS.has(req.method) || !hasBody(req)) return true;
    const type = req.headers['content-type'];
    if (type && JSON_TYPE.test(type)) return true;
    throw new UnsupportedMediaTypeException(
      `content-type must be application/json, not ${type ? JSON.stringify(type.slice(0, 100)) : 'missing'}`,
    );
  }
}
