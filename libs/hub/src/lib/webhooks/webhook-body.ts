// A webhook body arrives as raw bytes (configure-app.ts) so its signature is checked on exactly what
// the host sent. Only after that check is it read as JSON, with the limits every other route has.
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { BadRequestError } from '@state-hub/nest-http';
import { JSON_TYPE } from '../common/validation/json-content-type.guard';
import { refuseTooDeepBody } from '../common/validation/json-depth';

/** The body as the raw parser left it: bytes, or nothing when the request had no body. */
export function rawBodyOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

/** The JSON object a signed delivery carries; 415 for another content type, 400 for anything but a JSON object. */
export function parseWebhookJson(body: Buffer, contentType: string | undefined, hostLabel: string): unknown {
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw new UnsupportedMediaTypeException(
      `content-type must be application/json, not ${contentType ? JSON.stringify(contentType.slice(0, 100)) : 'missing'}` +
        ` (set the ${hostLabel} webhook's content type to application/json)`,
    );
  }
  if (body.length === 0) throw new BadRequestError('request body is empty: expected the JSON payload');
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    // shaped like the JSON body parser's own error, so the one error filter answers as on every JSON route
    throw Object.assign(new Error('request body is not valid JSON'), { type: 'entity.parse.failed', status: 400 });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new BadRequestError('request body must be a JSON object');
  }
  refuseTooDeepBody(value); // the 400 every other JSON route gives
  return value;
}
