// The one place errors become HTTP responses: a JSON body with a code, a
// message that names the field or reason, and the request id. Stacks and SQL
// go to the log, never to the client.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { type Observable, throwError } from 'rxjs';
import { classifyDatabaseError } from './database-errors';
import { DomainError } from './domain-errors';

export interface ErrorBody {
  status_code: number;
  error: string;
  message: string;
  field?: string;
  details?: { field: string; message: string }[];
  request_id?: string;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Errors raised by the body parser before a route runs (they carry `type` and `status`). */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/** Errors Fastify raises itself before a route runs (a `code` such as FST_ERR_CTP_BODY_TOO_LARGE). */
interface FastifyError {
  code: string;
  statusCode?: number;
  message?: string;
}

/** What the filter reads of a request, on either HTTP adapter (Express's request, Fastify's request). */
type AnyRequest = Pick<IncomingMessage, 'method' | 'headers'> & { id?: unknown; originalUrl?: string; url?: string };

/** The request's path and query as the client sent it. */
const urlOf = (req: AnyRequest) => req.originalUrl ?? req.url ?? '';

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    // Message handlers (a hybrid app's microservice side) share global filters: hand their errors
    // on unchanged, so the transport can tell a transient failure from a poison message.
    if (host.getType() !== 'http') return throwError(() => exception);
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AnyRequest>();
    const res: unknown = ctx.getResponse();
    const body = this.toBody(exception, req);
    if (req.id !== undefined) body.request_id = String(req.id);
    if (body.status_code >= 500) {
      this.logger.error(
        { err: exception, request_id: body.request_id, method: req.method, url: urlOf(req) },
        `${req.method} ${urlOf(req)} failed: ${body.message}`,
      );
    }
    const http = this.adapterHost.httpAdapter;
    if (!http.isHeadersSent(res)) http.reply(res, body, body.status_code);
    return undefined;
  }

  private toBody(exception: unknown, req: AnyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        status_code: exception.status,
        error: exception.code,
        message: exception.message,
        field: exception.field,
      };
    }
    // Nest wraps body-parser and Fastify failures in an HttpException whose cause keeps the parser's `type`
    // (or Fastify's `code`).
    const parser = (exception instanceof HttpException ? exception.cause : exception) as BodyParserError | undefined;
    if (parser && typeof parser.type === 'string' && typeof parser.status === 'number' && parser.status < 500) {
      return this.fromBodyParser(parser);
    }
    const fastify = (exception instanceof HttpException ? exception.cause : undefined) as FastifyError | undefined;
    if (typeof fastify?.code === 'string' && fastify.code.startsWith('FST_') && exception instanceof HttpException) {
      return this.fromFastify(fastify, exception.getStatus(), req);
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception, req);
    // A request that could not be read (the client went away mid-body: Fastify's 400 around ECONNRESET) is the
    // client's, not the database's, whatever its code says.
    const status = (exception as { statusCode?: unknown } | undefined)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        status_code: status,
        error: STATUS_CODES[status] ?? 'bad_request',
        message: 'the request could not be read',
      };
    }
    const db = classifyDatabaseError(exception);
    switch (db?.kind) {
      case 'unavailable':
        return {
          status_code: 503,
          error: 'database_unavailable',
          message: 'the database is unavailable; retry shortly',
        };
      case 'unique':
        return {
          status_code: 409,
          error: 'conflict',
          message: 'conflicts with an existing record (a unique key is taken)',
        };
      case 'foreign_key':
        return { status_code: 422, error: 'unprocessable', message: 'refers to something that does not exist' };
      case 'bad_value':
        return { status_code: 400, error: 'bad_request', message: 'a value has the wrong format or is too long' };
    }
    return {
      status_code: 500,
      error: 'internal_error',
      message: 'internal error; the request id is in the server log',
    };
  }

  private fromHttpException(exception: HttpException, req: AnyRequest): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const error = STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error');
    if (typeof response === 'object' && response !== null && 'details' in response) {
      return { status_code: status, error, ...(response as Omit<ErrorBody, 'status_code' | 'error'>) };
    }
    if (status === HttpStatus.NOT_FOUND && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(exception.message)) {
      return { status_code: 404, error: 'not_found', message: `no route ${req.method} ${urlOf(req).split('?')[0]}` };
    }
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [(response as { message: unknown }).message].flat().join('; ')
        : exception.message;
    return { status_code: status, error, message: status >= 500 ? 'internal error' : message };
  }

  /** Fastify's own refusals, in the words the body parser's would get. */
  private fromFastify(err: FastifyError, status: number, req: AnyRequest): ErrorBody {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return this.fromBodyParser({ type: 'entity.too.large', status });
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const type = String(req.headers['content-type'] ?? '');
      return {
        status_code: 415,
        error: 'unsupported_media_type',
        message: `content-type must be application/json, not ${JSON.stringify(type.slice(0, 100))}`,
      };
    }
    return {
      status_code: status,
      error: STATUS_CODES[status] ?? 'bad_request',
      message: (err.message ?? 'bad request').replace(/^FST_\w+: /, ''),
    };
  }

  private fromBodyParser(err: BodyParserError): ErrorBody {
    const status = err.status ?? 400;
    switch (err.type) {
      case 'entity.too.large':
        return {
          status_code: 413,
          error: 'payload_too_large',
          message: 'request body is larger than the limit (BODY_LIMIT)',
        };
      case 'entity.parse.failed':
        return { status_code: 400, error: 'malformed_json', message: 'request body is not valid JSON' };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { status_code: 415, error: 'unsupported_media_type', message: err.message ?? 'unsupported encoding' };
      default:
        return {
          status_code: status,
          error: STATUS_CODES[status] ?? 'bad_request',
          message: err.message ?? 'bad request body',
        };
    }
  }
}
