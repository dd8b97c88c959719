// The engine's OpenAPI document: served at /docs-json, the same one that
// libs/engine-client/openapi.json is written from, and true to the real answers.
import {
  createTestDatabase,
  DefinitionFiles,
  type NatsServer,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiProblems } from '@state-hub/nest-http';
import { generateEngineDocument } from '../openapi/generate-openapi-document';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

type Schema = { properties?: Record<string, unknown>; required?: string[] };

/** Keys of a real answer the schema does not document, and required ones the answer lacks. */
function schemaMismatch(doc: OpenAPIObject, name: string, body: Record<string, unknown>) {
  const schema = doc.components?.schemas?.[name] as Schema;
  return {
    undocumented: Object.keys(body).filter((key) => !(key in (schema.properties ?? {}))),
    missing: (schema.required ?? []).filter((key) => !(key in body)),
  };
}
const matches = { undocumented: [], missing: [] };

describe('event-consumer: OpenAPI document', () => {
  let db: TestDatabase;
  let nats: NatsServer;
  let files: DefinitionFiles;
  let engine: TestEngine;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase(), startNatsServer()]);
    files = new DefinitionFiles();
    files.write(
      'a.yaml',
      "id: test.a\ntrigger: { trigger_type: manual }\ninstruction: { kind: shell, cmd: 'true', timeout_seconds: 5 }\n",
    );
    engine = await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir });
    doc = (await engine.http().get('/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await engine?.close();
    await Promise.all([nats?.destroy(), db?.drop()]);
    files?.remove();
  });

  it('is the document openapi.json is written from, complete, with every route', async () => {
    // write-openapi.ts builds it in Nest's preview mode, without a database or NATS: it must be the same document
    expect(doc).toEqual(JSON.parse(JSON.stringify(await generateEngineDocument())));
    expect(openApiProblems(doc)).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/definitions',
        '/definitions/{id}/run',
        '/health',
        '/metrics',
        '/runs',
        '/runs/{id}',
        '/runs/{id}/replay',
        '/dead-letters',
        '/dead-letters/{id}',
        '/dead-letters/redrive',
      ].sort(),
    );
  });

  it('documents the answers the engine really sends', async () => {
    const run = (await engine.http().post('/definitions/test.a/run').expect(202)).body;
    expect(schemaMismatch(doc, 'RunView', run)).toEqual(matches);
    const page = (await engine.http().get('/runs').expect(200)).body;
    expect(schemaMismatch(doc, 'RunPageView', page)).toEqual(matches);
    const detail = (await engine.http().get(`/runs/${run.id}`).expect(200)).body;
    expect(schemaMismatch(doc, 'RunDetailView', detail)).toEqual(matches);
    const replay = (await engine.http().post(`/runs/${run.id}/replay`).expect(202)).body;
    expect(schemaMismatch(doc, 'RunView', replay)).toEqual(matches);
    const letters = (await engine.http().get('/dead-letters').expect(200)).body;
    expect(schemaMismatch(doc, 'DeadLetterPageView', letters)).toEqual(matches);
    const redrive = (
      await engine
        .http()
        .post('/dead-letters/redrive')
        .send({ ids: ['7'], dry_run: true })
        .expect(200)
    ).body;
    expect(schemaMismatch(doc, 'RedriveResultView', redrive)).toEqual(matches);
    expect(schemaMismatch(doc, 'RedriveItemView', redrive.items[0])).toEqual(matches);
    const definitions = (await engine.http().get('/definitions').expect(200)).body;
    expect(schemaMismatch(doc, 'DefinitionStatusView', definitions[0])).toEqual(matches);
    const health = (await engine.http().get('/health').expect(200)).body;
    expect(schemaMismatch(doc, 'EngineHealthView', health)).toEqual(matches);
    const unknown = (await engine.http().post('/definitions/nope/run').expect(404)).body;
    expect(schemaMismatch(doc, 'ErrorBodyDto', unknown)).toEqual(matches);
    const invalid = (await engine.http().get('/runs').query({ limit: 0, colour: 'red' }).expect(400)).body;
    expect(schemaMismatch(doc, 'ErrorBodyDto', invalid)).toEqual(matches);
    expect(schemaMismatch(doc, 'ErrorDetailDto', invalid.details[0])).toEqual(matches);
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await engine.http().get('/docs').expect(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });
});
