// Turns class-validator errors into one 400 whose message names every bad field
// (nested ones as `detail.x`, array items as `tasks[0].title`).
import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      // class-validator says "property x should not exist" for unknown fields
      message: m.replace(/^property (\S+) should not exist$/, `${field} is not a known field`),
    }));
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
