/** Thrown by createEnvelope / encodeEnvelope when an envelope breaks the rules. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(readonly errors: string[]) {
    super(`invalid event envelope: ${errors.join('; ')}`);
  }
}
