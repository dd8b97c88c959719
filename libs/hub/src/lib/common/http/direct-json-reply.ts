// Nest answers an object through Express's res.json() and res.send(): per response they parse and re-format the
// content type to add a charset, copy the text into a Buffer and ask whether the request is fresh (it never is:
// the hub sends no ETag or Last-Modified on API answers). The hub writes JSON answers itself instead: the same
// status, the same bytes and the same headers. Anything else still goes through Nest's own reply: a body that is
// not a plain object or array (a stream, a Buffer, a string), a response that already has a content type or a
// validator (ETag, Last-Modified: Express may answer 304), and the statuses without a body (204, 205, 304).
import type { INestApplication } from '@nestjs/common';
import { isPlainObject } from '@state-hub/envelope';
import type { ServerResponse } from 'node:http';

type Reply = (response: ServerResponse, body: unknown, statusCode?: number) => unknown;

const NO_BODY = new Set([204, 205, 304]);
/** Headers after which Express has to decide: the content type chosen, or a validator (it may answer 304). */
const EXPRESS_DECIDES = ['content-type', 'etag', 'last-modified'];

const isPlainJson = (body: unknown): body is object => Array.isArray(body) || isPlainObject(body);

export function replyWithDirectJson(app: INestApplication): void {
  const adapter = app.getHttpAdapter() as unknown as { reply: Reply };
  const nestReply = adapter.reply.bind(adapter);
  adapter.reply = (response, body, statusCode) => {
    const status = statusCode ?? response.statusCode;
    if (!isPlainJson(body) || NO_BODY.has(status) || EXPRESS_DECIDES.some((h) => response.hasHeader(h))) {
      return nestReply(response, body, statusCode);
    }
    const text = JSON.stringify(body) as string | undefined; // undefined when a toJSON() says so
    if (text === undefined) return nestReply(response, body, statusCode);
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(text));
    return response.end(text);
  };
}
