// Turns class-validator errors into one 400 whose message names every bad field
// (nested ones as `detail.x`, array items as `tasks[0].title`), with only the
// messages that apply: an absent field is "required", never its format rules.
import { BadRequestException } from '@nestjs/common';
import { ValidateBy, type ValidationError } from 'class-validator';

/** The constraint IsRequired adds; its message is the one an absent field gets. */
const REQUIRED = 'isRequired';

/**
 * Gives an absent (undefined) field its own "required" message instead of the generic
 * `<field> is required`, e.g. a cross-field rule such as "remote_url or local_path is required".
 * Put it on the field whose ValidateIf decides when the value is needed.
 */
export const IsRequired = (message: string) =>
  ValidateBy({ name: REQUIRED, validator: { validate: (value: unknown) => value !== undefined } }, { message });

/** Messages name the bare property (`$property`): say the whole path of a nested field instead. */
const naming = (message: string, property: string, field: string) =>
  field !== property && message.startsWith(`${property} `) ? `${field}${message.slice(property.length)}` : message;

function messagesOf(e: ValidationError, field: string): string[] {
  const constraints = e.constraints ?? {};
  if (Object.keys(constraints).length === 0) return [];
  // Nothing was sent: the format rules would only restate that, so one line says what is missing.
  // (`value` is left off errors whose value is not shown, e.g. parents of nested ones: those were sent.)
  if ('value' in e && e.value === undefined) return [constraints[REQUIRED] ?? `${field} is required`];
  return Object.values(constraints).map((m) =>
    // class-validator says "property x should not exist" for unknown fields
    /^property \S+ should not exist$/.test(m) ? `${field} is not a known field` : naming(m, e.property, field),
  );
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = messagesOf(e, field).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export function validationErrorFactory(errors: ValidationError[]): BadRequestException {
  const details = flatten(errors);
  return new BadRequestException({
    message: details.map((d) => d.message).join('; ') || 'invalid request',
    field: details[0]?.field,
    details,
  });
}
