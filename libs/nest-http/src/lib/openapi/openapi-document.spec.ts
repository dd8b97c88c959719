import { Body, Controller, Get, type INestApplication, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { ApiErrors } from './api-errors.decorator';
import { createOpenApiDocument, type OpenApiSpec, openApiProblems } from './openapi-document';

class NoteDto {
  @IsString() text: string;
}

@ApiTags('notes')
@ApiErrors(503)
@Controller('notes')
class NotesController {
  @Get(':id')
  @ApiOperation({ operationId: 'getNote', summary: 'Get a note' })
  @ApiOkResponse({ type: NoteDto })
  @ApiErrors([404, 'no note has this id'], 400)
  get(@Param('id') id: string) {
    return { text: id };
  }

  @Post()
  @ApiOperation({ operationId: 'createNote', summary: 'Create a note' })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrors([409, 'taken'])
  create(@Body() dto: NoteDto) {
    return dto;
  }
}

@ApiTags('notes')
@Controller('health')
class HealthController {
  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Up or not' })
  health() {
    return { status: 'ok' };
  }
}

@ApiTags('undeclared')
@Controller('loose')
class LooseController {
  @Get()
  list() {
    return [];
  }
}

const SPEC: OpenApiSpec = {
  title: 'Notes',
  description: 'notes',
  version: '1.0.0',
  server: { url: 'http://127.0.0.1:9', description: 'local' },
  tags: { notes: 'the notes' },
  writeErrors: [400, [401, 'token'], 413, 415],
  bearer: { description: 'TOKEN', readError: [401, 'reads too, with a setting'], open: ['getHealth'] },
};

async function appWith(...controllers: (new () => unknown)[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  return moduleRef.createNestApplication({ logger: false });
}

describe('createOpenApiDocument', () => {
  it('declares license, server and tags, and gives every error the one error schema', async () => {
    const doc = createOpenApiDocument(await appWith(NotesController), SPEC);
    expect(doc.info.license).toEqual({ name: 'MIT', url: 'https://opensource.org/licenses/MIT' });
    expect(doc.info.contact).toBeUndefined();
    expect(doc.servers).toEqual([SPEC.server]);
    expect(doc.tags).toEqual([{ name: 'notes', description: 'the notes' }]);
    const get = doc.paths['/notes/{id}'].get;
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '400', '401', '404', '503']);
    expect(get?.responses['404']).toEqual({
      description: 'no note has this id',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } },
    });
    expect(doc.components?.schemas?.['ErrorBodyDto']).toBeDefined();
    expect(openApiProblems(doc)).toEqual([]);
  });

  it('adds the write errors to writes only, in status order, keeping what an operation says itself', async () => {
    const doc = createOpenApiDocument(await appWith(NotesController), SPEC);
    const create = doc.paths['/notes'].post;
    expect(Object.keys(create?.responses ?? {})).toEqual(['201', '400', '401', '409', '413', '415', '503']);
    expect(create?.responses['401']).toMatchObject({ description: 'token' });
    expect(create?.responses['409']).toMatchObject({ description: 'taken' });
    expect(doc.paths['/notes/{id}'].get?.responses['401']).toMatchObject({ description: 'reads too, with a setting' });
  });

  it('asks for the bearer token on writes, optionally on reads, never on open routes, and on nothing without one', async () => {
    const withToken = createOpenApiDocument(await appWith(NotesController, HealthController), SPEC);
    expect(withToken.security).toEqual([{ bearer: [] }]);
    expect(withToken.paths['/notes/{id}'].get?.security).toEqual([{}, { bearer: [] }]);
    expect(withToken.paths['/notes'].post?.security).toBeUndefined();
    const health = withToken.paths['/health'].get;
    expect(health?.security).toEqual([]);
    expect(health?.responses['401']).toBeUndefined();
    const open = createOpenApiDocument(await appWith(NotesController), { ...SPEC, bearer: undefined });
    expect(open.security).toBeUndefined();
    expect(open.components?.securitySchemes).toBeUndefined();
    expect(open.paths['/notes'].post?.security).toEqual([]);
    expect(open.paths['/notes/{id}'].get?.responses['401']).toBeUndefined();
  });
});

describe('openApiProblems', () => {
  it("names an operation left with Nest's default id, without a summary, or with an undeclared tag", async () => {
    const doc = createOpenApiDocument(await appWith(NotesController, LooseController), SPEC);
    expect(openApiProblems(doc)).toEqual([
      'GET /loose: set a camelCase @ApiOperation({ operationId }) (it is LooseController_list)',
      'GET /loose: set @ApiOperation({ summary })',
      "GET /loose: tag 'undeclared' is not declared in the document's tags",
    ]);
  });
});
