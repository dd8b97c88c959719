export { classifyDatabaseError, type DatabaseFailure } from './lib/database-errors';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  InvalidTransitionError,
  NotFoundError,
  UnprocessableError,
} from './lib/domain-errors';
export { HttpErrorFilter, type ErrorBody } from './lib/http-error.filter';
export { assignRequestId, requestIdMiddleware } from './lib/request-id';
export { validationErrorFactory } from './lib/validation-error.factory';
