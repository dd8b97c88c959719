import { componentJsonSchema, type OpenApiDocumentLike } from './component-json-schema';
import { hubJsonSchema } from './hub-document';

const document: OpenApiDocumentLike = {
  components: {
    schemas: {
      Tag: { type: 'string', enum: ['a', 'b'], nullable: true, example: 'a' },
      Item: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          note: { type: 'string', nullable: true },
          tag: { $ref: '#/components/schemas/Tag' },
          owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
          // a property may be called like an OpenAPI keyword
          example: { type: 'number' },
        },
        required: ['id', 'example'],
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
      Page: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
      Loop: { type: 'object', properties: { next: { $ref: '#/components/schemas/Loop' } } },
      Dangling: { type: 'object', properties: { x: { $ref: '#/components/schemas/Nowhere' } } },
    },
  },
};

describe('componentJsonSchema', () => {
  it('inlines $refs, turns nullable into a null type and drops OpenAPI-only keywords', () => {
    expect(componentJsonSchema(document, 'Page')).toEqual({
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', format: 'uuid' },
              note: { type: ['string', 'null'] },
              tag: { type: ['string', 'null'], enum: ['a', 'b', null] },
              owner: {
                anyOf: [
                  {
                    allOf: [{ type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false }],
                  },
                  { type: 'null' },
                ],
              },
              example: { type: 'number' },
            },
            required: ['id', 'example'],
          },
        },
      },
    });
  });

  it('refuses what it cannot inline, naming the way there', () => {
    expect(() => componentJsonSchema(document, 'Loop')).toThrow('Loop → Loop: a cycle cannot be inlined');
    expect(() => componentJsonSchema(document, 'Dangling')).toThrow(
      "the OpenAPI document has no component schema 'Nowhere' (referenced from Dangling)",
    );
    expect(() => componentJsonSchema(document, 'Missing')).toThrow("no component schema 'Missing'");
  });

  it("makes the hub's page schemas self-contained", () => {
    const page = hubJsonSchema('RepoPage');
    expect(JSON.stringify(page)).not.toContain('$ref');
    expect(JSON.stringify(page)).not.toContain('nullable');
    expect(page).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['items', 'total']),
      properties: { items: { type: 'array', items: { properties: { remote_url: { type: ['string', 'null'] } } } } },
    });
  });
});
