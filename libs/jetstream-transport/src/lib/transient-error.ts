// Thrown by a handler for a failure that may pass (database down, HTTP 503): the
// message is nak'd with an explicit delay and redelivered, up to maxDeliver.
//
// It extends Nest's RpcException and returns itself from getError() (the same
// trick as KafkaRetriableException): Nest's default exception filter replaces
// any other error with a generic "Internal server error" object, and the
// transport would lose both the class and the message.
import { RpcException } from '@nestjs/microservices';

export class TransientError extends RpcException {
  override readonly name = 'TransientError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options && 'cause' in options) this.cause = options.cause;
  }

  override getError(): object {
    return this;
  }
}
