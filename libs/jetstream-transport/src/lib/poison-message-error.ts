// Thrown by a handler for a message that can never succeed (attributes that break
// the contract, a reference to something that will never exist): the message is
// terminated and copied to the dead-letter stream with this error's message.
//
// Extends RpcException and returns itself from getError() so that Nest's
// exception filter hands it to the transport unchanged (see TransientError).
import { RpcException } from '@nestjs/microservices';

export class PoisonMessageError extends RpcException {
  override readonly name = 'PoisonMessageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options && 'cause' in options) this.cause = options.cause;
  }

  override getError(): object {
    return this;
  }
}
