// Path parameters with their format checked before a service sees them.
import { BadRequestException, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { SLUG_PATTERN } from '@state-hub/db';

class SlugPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length > 64 || !SLUG_PATTERN.test(value)) {
      throw new BadRequestException({
        message: `slug '${value.slice(0, 80)}' is not a valid slug`,
        field: 'slug',
        details: [{ field: 'slug', message: 'must be a lowercase slug such as "state-hub"' }],
      });
    }
    return value;
  }
}

/** `:slug` path parameter. */
export const SlugParam = (name = 'slug') => Param(name, new SlugPipe());

/** `:id` path parameter that must be a UUID. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${name} must be a UUID`,
          field: name,
          details: [{ field: name, message: `${name} must be a UUID` }],
        }),
    }),
  );
