import type { z } from 'zod';
import type { AttributesOf } from './catalog';
import type { Subject } from './subject-names';

/** Everything the hub and its consumers need to know about one subject. */
export interface SubjectSpec<S extends Subject> {
  subject: S;
  version: '1.0';
  publisher: 'state-hub';
  /** When the event fires, in one sentence. */
  firedWhen: string;
  /** Strict zod object for the envelope's attributes. */
  schema: z.ZodType;
  /** A valid attributes value, used in tests and in the generated catalog. */
  example: AttributesOf<S>;
}

/** Declares a v1 state-hub subject; the example is type-checked against the schema. */
export function defineSubject<S extends Subject, T extends z.ZodType>(spec: {
  subject: S;
  firedWhen: string;
  schema: T;
  example: z.output<T>;
}) {
  return { ...spec, version: '1.0' as const, publisher: 'state-hub' as const };
}
