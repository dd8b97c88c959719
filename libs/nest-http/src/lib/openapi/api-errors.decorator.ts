// Declares the error answers of an operation (or of every operation of a
// controller) in one line, each with the one error schema.
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type ResponseObject } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

/** The error statuses our HTTP sides answer with the one error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503;

/** A status with its default description, or `[status, what it means for this operation]`. */
export type ErrorSpec = ErrorStatus | readonly [ErrorStatus, string];

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'a parameter or body field is invalid (`field` and `details` name each one), or the body is not valid JSON',
  401: 'missing, malformed or wrong bearer token',
  403: 'the route is switched off on this server (the message says which setting turns it on)',
  404: 'nothing has this id or slug',
  409: 'conflicts with the current state',
  413: 'the request body is larger than the limit',
  415: 'the body is not `application/json`, or its charset or content-encoding is not supported',
  422: 'the body refers to something that does not exist',
  500: 'internal error; the request id is in the server log',
  503: 'the database is unavailable; retry shortly',
};

/** Splits a spec into its status and description. */
export function errorSpec(spec: ErrorSpec): { status: ErrorStatus; description: string } {
  return typeof spec === 'number'
    ? { status: spec, description: ERROR_DESCRIPTIONS[spec] }
    : { status: spec[0], description: spec[1] };
}

/** An OpenAPI response object that answers with the one error body. */
export function errorResponse(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } } };
}

/**
 * `@ApiErrors(400, 404, [409, 'the decision is already resolved'])`: one response per status, each
 * with the one error schema. On a controller class it applies to every operation of the controller.
 */
export function ApiErrors(...specs: ErrorSpec[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...specs.map((spec) => {
      const { status, description } = errorSpec(spec);
      return ApiResponse({ status, description, type: ErrorBodyDto });
    }),
  );
}
