// A write to a route that reads a body must send it as JSON. Without this,
// the body reader (common/http/json-body.ts) leaves a `text/plain` or form body out and the route sees
// nothing, answering with "field is required" errors that hide the real mistake.
// Routes without a body (`POST …/activate`) ignore whatever a client sends.
import { CanActivate, ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { IncomingHttpHeaders } from 'node:http';

type Request = { method: string; headers: IncomingHttpHeaders };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** application/json with optional parameters: the one type the body parser reads. */
export const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

export function hasBody(req: Pick<Request, 'headers'>): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

/** Per handler: whether it has a `@Body()` parameter (looked up once; a handler's parameters never change). */
const bodyReaders = new WeakMap<object, boolean>();

/** Whether the handler has a `@Body()` parameter (Nest keys its route arguments `<paramtype>:<index>`). */
function readsBody(context: ExecutionContext): boolean {
  const handler = context.getHandler();
  let reads = bodyReaders.get(handler);
  if (reads === undefined) {
    const args: Record<string, unknown> =
      Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
    reads = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
    bodyReaders.set(handler, reads);
  }
  return reads;
}

@Injectable()
export class JsonContentTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!WRITE_METHODS.has(req.method) || !hasBody(req) || !readsBody(context)) return true;
    const type = req.headers['content-type'];
    if (type === 'application/json' || (type && JSON_TYPE.test(type))) return true;
    throw new UnsupportedMediaTypeException(
      `content-type must be application/json, not ${type ? JSON.stringify(type.slice(0, 100)) : 'missing'}`,
    );
  }
}
