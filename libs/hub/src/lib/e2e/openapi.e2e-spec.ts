// The OpenAPI document is generated from the code and covers every route.
import { openApiProblems } from '@state-hub/nest-http';
import { generateHubDocument } from '../openapi/generate-openapi-document';
import { startTestApp, type TestApp } from '../testing/test-app';

type Schema = { properties?: Record<string, unknown>; required?: string[] };
type Doc = { components: { schemas: Record<string, Schema> } };

/** Keys of a real answer the schema does not document, and required ones the answer lacks. */
function schemaMismatch(doc: Doc, name: string, body: Record<string, unknown>) {
  const schema = doc.components.schemas[name];
  return {
    undocumented: Object.keys(body).filter((key) => !(key in (schema.properties ?? {}))),
    missing: (schema.required ?? []).filter((key) => !(key in body)),
  };
}

describe('OpenAPI (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serves the JSON document with every route and its schemas', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    const doc = res.body;
    expect(doc.info).toMatchObject({ title: 'State Hub API', version: '0.1.0' });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/consistency/sweep/remote-all',
        '/consistency/sweeps',
        '/consistency/sweeps/compare',
        '/decisions',
        '/decisions/{id}',
        '/decisions/{id}/resolve',
        '/domain-goals',
        '/domain-goals/{id}',
        '/domain-goals/{id}/activate',
        '/domains',
        '/domains/{slug}',
        '/events/outbox',
        '/maintenance/stale-cleanup',
        '/metrics',
        '/next-steps',
        '/progress-events',
        '/progress-events/{id}',
        '/repos',
        '/repos/{slug}',
        '/repos/{slug}/commits',
        '/repos/{slug}/files',
        '/repos/{slug}/sync',
        '/state/health',
        '/tasks',
        '/tasks/{id}',
        '/webhooks/gitea',
        '/webhooks/github',
        '/webhooks/gitlab',
        '/workstreams',
        '/workstreams/{id}',
      ].sort(),
    );
    // writes need the bearer token (document-wide), reads only with API_READS_REQUIRE_TOKEN, health never
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/repos'].get.security).toEqual([{}, { bearer: [] }]);
    expect(doc.paths['/state/health'].get.security).toEqual([]);
    expect(doc.paths['/repos'].post.security).toBeUndefined();
    // the webhooks authenticate with the host's signature instead
    expect(doc.paths['/webhooks/github'].post.security).toEqual([{ githubWebhookSignature: [] }]);
    expect(doc.components.securitySchemes.gitlabWebhookSignature).toMatchObject({
      in: 'header',
      name: 'X-Gitlab-Token',
    });
    const register = doc.components.schemas.RegisterRepoDto;
    expect(register.required).toEqual(expect.arrayContaining(['slug', 'name', 'domain']));
    expect(doc.components.schemas.TaskView.properties.priority.enum).toEqual(['critical', 'high', 'medium', 'low']);
    expect(doc.paths['/repos'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/RepoPage',
    );
  });

  it('serves exactly the document that openapi.json is written from, complete and with its contract', async () => {
    const served = (await t.http().get('/docs-json').expect(200)).body;
    // write-openapi.ts builds it in Nest's preview mode, without a database: it must be the same document
    expect(served).toEqual(JSON.parse(JSON.stringify(await generateHubDocument())));
    expect(openApiProblems(served)).toEqual([]);
    expect(served.info.license).toEqual({ name: 'MIT', url: 'https://opensource.org/licenses/MIT' });
    expect(served.servers).toEqual([{ url: 'http://127.0.0.1:3000', description: expect.any(String) }]);
    const resolve = served.paths['/decisions/{id}/resolve'].post;
    expect(resolve.operationId).toBe('resolveDecision');
    expect(Object.keys(resolve.responses)).toEqual(['200', '400', '401', '404', '409', '413', '415', '503']);
    for (const status of ['400', '401', '404', '409', '413', '415', '503']) {
      expect(resolve.responses[status].content['application/json'].schema.$ref).toBe(
        '#/components/schemas/ErrorBodyDto',
      );
    }
    expect(served.paths['/metrics'].get.responses['200'].content).toEqual({
      'text/plain': { schema: { type: 'string' } },
    });
  });

  it('documents the error body the API really sends', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const invalid = await t.http().post('/domains').send({ slug: 'Not A Slug', name: 'x' }).expect(400);
    expect(invalid.body.details.length).toBeGreaterThan(0);
    expect(schemaMismatch(doc, 'ErrorBodyDto', invalid.body)).toEqual({ undocumented: [], missing: [] });
    expect(schemaMismatch(doc, 'ErrorDetailDto', invalid.body.details[0])).toEqual({ undocumented: [], missing: [] });
    const missing = await t.http().get('/repos/nope').expect(404);
    expect(schemaMismatch(doc, 'ErrorBodyDto', missing.body)).toEqual({ undocumented: [], missing: [] });
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await t.http().get('/docs').expect(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });
});
