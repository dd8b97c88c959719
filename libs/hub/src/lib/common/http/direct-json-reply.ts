// Nest answers an object through Express's res.json() and res.send(): per response they parse and re-format the
// content type to add a charset, copy the text into a Buffer and ask whether the request is fresh (it never is:
// the hub sends no ETag or Last-Modified on API answers). The hub writes JSON answers itself instead: the same
// status, the same bytes and the same headers. Anything other than a plain object or array (a stream, a Buffer,
// a string, a response that already has a content type) still goes through Nest's own reply.
import type { INestApplication } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

type Reply = (response: ServerResponse, body: unknown, statusCode?: number) => unknown;

const isPlainJson = (body: unknown): body is object => {
  if (body === null || typeof body !== 'object') return false;
  if (Array.isArray(body)) return true;
  const proto = Object.getPrototypeOf(body) as object | null;
  return proto === null || proto === Object.prototype;
};

export function replyWithDirectJson(app: INestApplication): void {
  const adapter = app.getHttpAdapter() as unknown as { reply: Reply };
  const nestReply = adapter.reply.bind(adapter);
  adapter.reply = (response, body, statusCode) => {
    if (!isPlainJson(body) || response.getHeader('content-type') !== undefined) {
      return nestReply(response, body, statusCode);
    }
    if (statusCode !== undefined) response.statusCode = statusCode;
    const text = JSON.stringify(body);
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-length', Buffer.byteLength(text));
    return response.end(text);
  };
}
