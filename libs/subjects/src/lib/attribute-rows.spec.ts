import { z } from 'zod';
import { attributeRows } from './attribute-rows';

describe('attributeRows', () => {
  it('describes type, presence and description of each attribute', () => {
    const schema = z.strictObject({
      id: z.uuid().describe('The id.'),
      slug: z.string().min(1).max(200).describe('The slug.'),
      url: z.string().min(1).max(2000).nullable().describe('The url.'),
      via: z.enum(['api', 'sweep']).describe('How.'),
      note: z.string().optional(),
    });
    expect(attributeRows(schema)).toEqual([
      { name: 'id', type: 'string (UUID)', presence: 'required', description: 'The id.' },
      { name: 'slug', type: 'string (1-200 chars)', presence: 'required', description: 'The slug.' },
      { name: 'url', type: 'string (1-2000 chars)', presence: 'required, nullable', description: 'The url.' },
      { name: 'via', type: 'one of `api`, `sweep`', presence: 'required', description: 'How.' },
      { name: 'note', type: 'string', presence: 'optional', description: '' },
    ]);
  });
});
