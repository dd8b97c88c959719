export { classifyDatabaseError, type DatabaseFailure } from './lib/database-errors';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  InvalidTransitionError,
  NotFoundError,
  ServiceUnavailableError,
  UnprocessableError,
} from './lib/domain-errors';
export { HttpErrorFilter, type ErrorBody } from './lib/http-error.filter';
export {
  ApiErrors,
  ERROR_DESCRIPTIONS,
  errorResponse,
  type ErrorSpec,
  type ErrorStatus,
} from './lib/openapi/api-errors.decorator';
export { ErrorBodyDto, ErrorDetailDto } from './lib/openapi/error-body.dto';
export { createOpenApiDocument, openApiProblems, type OpenApiSpec } from './lib/openapi/openapi-document';
export {
  emitOpenApiFile,
  openApiJson,
  type OpenApiFileOptions,
  previewOpenApiDocument,
  runOpenApiWriter,
} from './lib/openapi/openapi-file';
export { pinoHttpFor, prettyLogStream, prettyMessage } from './lib/pino-destination';
export { assignRequestId, requestIdMiddleware, requestIdOf } from './lib/request-id';
export { IsRequired, validationErrorFactory } from './lib/validation-error.factory';
export { HEALTH_PARTS, type HealthPart, type HealthPartReport } from './lib/health-part';
export { bearerTokenAuth, BearerTokenGuard, TOKEN_AUTH, type TokenAuthSettings } from './lib/auth/bearer-token.guard';
export { OPEN_ROUTE, OpenRoute, SIGNATURE_AUTH, SignatureAuth } from './lib/auth/route-access.decorators';
