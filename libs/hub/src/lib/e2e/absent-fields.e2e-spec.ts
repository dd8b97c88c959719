// A 400 lists only the messages that apply: a field that was not sent is
// "required" (or its one cross-field rule), never its format rules; a field
// that was sent and is wrong gets its format rules. Each message names its field.
import { startTestApp, type TestApp } from '../testing/test-app';

const GIT_URL_RULE = 'remote_url must be a git URL (https://, ssh://, git://, file:// or user@host:path)';

describe('absent fields (real Postgres)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const post = async (path: string, body: object) => {
    const res = await t.http().post(path).send(body);
    expect(res.status).toBe(400);
    expect(res.body.request_id).toEqual(res.headers['x-request-id']);
    return res.body as { status_code: number; error: string; message: string; field?: string; details: unknown[] };
  };

  it('answers a repo without remote_url and local_path with the one rule of the pair', async () => {
    const body = await post('/repos', { slug: 'x', name: 'X', domain: 'd' });
    expect(body).toMatchObject({
      status_code: 400,
      error: 'bad_request',
      message: 'remote_url or local_path is required',
      field: 'remote_url',
    });
    expect(body.details).toEqual([{ field: 'remote_url', message: 'remote_url or local_path is required' }]);
  });

  it('answers a body missing several required fields with one "required" line each', async () => {
    const body = await post('/repos', {});
    expect(body.details).toEqual([
      { field: 'slug', message: 'slug is required' },
      { field: 'name', message: 'name is required' },
      { field: 'domain', message: 'domain is required' },
      { field: 'remote_url', message: 'remote_url or local_path is required' },
    ]);
    expect(body.message).toBe(
      'slug is required; name is required; domain is required; remote_url or local_path is required',
    );
    expect(body.field).toBe('slug');

    expect((await post('/workstreams', {})).details).toEqual([
      { field: 'repo', message: 'repo is required' },
      { field: 'workplan_id', message: 'workplan_id is required' },
      { field: 'title', message: 'title is required' },
    ]);
  });

  it('still gives a field that was sent its format rules, beside the absent ones', async () => {
    expect((await post('/workstreams', { repo: 'Not A Slug' })).details).toEqual([
      { field: 'repo', message: 'repo must be a lowercase slug such as "state-hub" (a-z, 0-9, single - _ .)' },
      { field: 'workplan_id', message: 'workplan_id is required' },
      { field: 'title', message: 'title is required' },
    ]);
    expect((await post('/repos', { slug: 'x', name: 'X', domain: 'd', remote_url: 'nope' })).details).toEqual([
      { field: 'remote_url', message: GIT_URL_RULE },
    ]);
    expect((await post('/repos', { slug: 'x', name: 'X', domain: 'd', local_path: 'rel' })).details).toEqual([
      { field: 'local_path', message: 'local_path must be an absolute path' },
    ]);
    expect((await post('/repos', { slug: 'x', name: 'X', domain: 'd', remote_url: 42 })).details).toEqual([
      { field: 'remote_url', message: GIT_URL_RULE },
      { field: 'remote_url', message: 'remote_url must be shorter than or equal to 2000 characters' },
      { field: 'remote_url', message: 'remote_url must be a string' },
    ]);
  });
});
