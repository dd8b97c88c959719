// Domain errors thrown by services; HttpErrorFilter maps them to HTTP in one place.

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing named in the path (or a filter) does not exist. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

/** The request clashes with current state: a duplicate, an already-done action. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** A status change that the lifecycle does not allow. */
export class InvalidTransitionError extends DomainError {
  readonly status = 409;
  readonly code = 'invalid_transition';
  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    super(
      `${entity} cannot move from '${from}' to '${to}'; allowed from '${from}': ${allowed.length ? allowed.join(', ') : 'none'}`,
      'status',
    );
  }
}

/** The body is well-formed but refers to something that does not exist. */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly code = 'unprocessable';
}

/** A request value that is well-formed but not acceptable here (e.g. a bad filter combination). */
export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly code = 'bad_request';
}

/** Something the request needs (NATS, another service) does not answer now; retrying later may work. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'unavailable';
}
