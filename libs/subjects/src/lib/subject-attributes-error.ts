/** Thrown by buildEvent when attributes do not match the subject's schema. */
export class SubjectAttributesError extends Error {
  override readonly name = 'SubjectAttributesError';

  constructor(readonly errors: string[]) {
    super(`invalid event attributes: ${errors.join('; ')}`);
  }
}
