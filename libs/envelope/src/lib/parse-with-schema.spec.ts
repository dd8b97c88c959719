import { z } from 'zod';
import { parseWithSchema } from './parse-with-schema';

const schema = z.strictObject({
  slug: z.string().min(1),
  status: z.enum(['draft', 'active']),
  url: z.string().min(1).nullable(),
  id: z.uuid(),
});

describe('parseWithSchema', () => {
  it('returns the parsed data', () => {
    const value = { slug: 's', status: 'draft', url: null, id: '3b241101-e2bb-4255-8caf-4136c566a962' };
    expect(parseWithSchema(schema, value)).toEqual({ ok: true, data: value });
  });

  it('prefixes every error with the given path and names the field', () => {
    expect(parseWithSchema(schema, { slug: '', status: 'done', id: 7, extra: 1 }, 'attributes')).toEqual({
      ok: false,
      errors: [
        'attributes.slug: must not be empty',
        "attributes.status: must be one of 'draft', 'active', got 'done'",
        'attributes.url: required',
        'attributes.id: expected string, got number',
        'attributes.extra: unknown field',
      ],
    });
  });

  it('names the value itself when the path is empty', () => {
    expect(parseWithSchema(schema, 'nope')).toEqual({ ok: false, errors: ['value: expected object, got string'] });
  });

  it('turns an exception during parsing into an error', () => {
    const value = {};
    Object.defineProperty(value, 'slug', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(parseWithSchema(schema, value, 'attributes')).toEqual({
      ok: false,
      errors: ['attributes: could not be validated (boom)'],
    });
  });
});
