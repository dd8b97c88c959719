// Path parameters with their format checked before a service sees them, and
// documented (format, pattern) in the OpenAPI document by the same decorator.
import { BadRequestException, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ApiParam, type ApiParamOptions } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@state-hub/db';

/** Adds the parameter's OpenAPI description to the method the parameter belongs to. */
const documented =
  (param: ParameterDecorator, doc: ApiParamOptions): ParameterDecorator =>
  (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) ApiParam(doc)(target, key, descriptor);
  };

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
export const SlugParam = (name = 'slug') =>
  documented(Param(name, new SlugPipe()), {
    name,
    description: 'a lowercase slug such as `state-hub`',
    schema: { type: 'string', maxLength: 64, pattern: SLUG_PATTERN.source },
  });

/** `:id` path parameter that must be a UUID. */
export const IdParam = (name = 'id') =>
  documented(
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
    ),
    { name, description: 'a UUID', schema: { type: 'string', format: 'uuid' } },
  );
