// Answers are checked against the hub's own component schemas (from its
// OpenAPI document), with the MCP SDK's validator.
import { HubAnswerCheck } from './hub-answer-check';
import { HubError } from './hub-error';

const repo = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'state-hub',
  name: 'State Hub',
  domain: 'custodian',
  domain_id: '00000000-0000-4000-8000-000000000002',
  remote_url: null,
  local_path: '/srv/state-hub',
  default_branch: 'main',
  status: 'active',
  last_synced_at: null,
  last_commit_sha: null,
  last_commit_ref: null,
  last_commit_at: null,
  created_at: '2026-12-04T10:00:00.000Z',
  updated_at: '2026-12-04T10:00:00.000Z',
};

describe('HubAnswerCheck', () => {
  const check = new HubAnswerCheck();

  it('passes an answer of the right shape, with fields the hub added later', () => {
    const page = { items: [{ ...repo, added_later: 1 }], total: 1, limit: 50, offset: 0 };
    expect(check.check('RepoPage', page)).toBe(page);
  });

  it('refuses a wrong status, a missing field or a wrong type, naming them', () => {
    const bad = { items: [{ ...repo, status: 'gone', slug: undefined }], total: '1', limit: 50, offset: 0 };
    let error: unknown;
    try {
      check.check('RepoPage', bad);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ kind: 'bad_answer' });
    const message = (error as HubError).message;
    expect(message).toMatch(/^the hub's answer \(RepoPage\) has an unexpected shape: /);
    expect(message).toContain('/items/0/status');
    expect(message).toContain("must have required property 'slug'");
    expect(message).toContain('/total must be number');
  });
});
