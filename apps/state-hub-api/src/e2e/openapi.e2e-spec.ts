// The OpenAPI document is generated from the code and covers every route.
import { startTestApp, type TestApp } from '../testing/test-app';

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
        '/workstreams',
        '/workstreams/{id}',
      ].sort(),
    );
    // writes need the bearer token (document-wide), reads are open
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/repos'].get.security).toEqual([]);
    expect(doc.paths['/repos'].post.security).toBeUndefined();
    const register = doc.components.schemas.RegisterRepoDto;
    expect(register.required).toEqual(expect.arrayContaining(['slug', 'name', 'domain']));
    expect(doc.components.schemas.TaskView.properties.priority.enum).toEqual(['critical', 'high', 'medium', 'low']);
    expect(doc.paths['/repos'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/RepoPage',
    );
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await t.http().get('/docs').expect(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });
});
