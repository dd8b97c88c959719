import { BadRequestError } from '@state-hub/nest-http';
import type { HostPush } from './hosts/webhook-host';
import { checkPush } from './push-check';

const SHA = 'bffeb74224043ba2feb48d137756c8a9331c449a';
const BEFORE = '28e1879d029cb852e4844d9c718537df08844e03';
const ZERO = '0'.repeat(40);
const push = (changes: Partial<HostPush> = {}): HostPush => ({
  ref: 'refs/heads/main',
  before: BEFORE,
  after: SHA,
  deleted: false,
  pusher: 'jsmith',
  commitCount: 2,
  repoUrls: [],
  ...changes,
});

describe('checkPush', () => {
  it('turns a branch push into the commit with its optional attributes', () => {
    expect(checkPush(push())).toEqual({
      kind: 'commit',
      commit: { ref: 'refs/heads/main', sha: SHA, before: BEFORE, pusher: 'jsmith', commit_count: 2 },
    });
  });

  it('leaves out what the push does not say: an all-zero before, an empty pusher, no count', () => {
    const verdict = checkPush(push({ before: ZERO, pusher: '  ', commitCount: undefined }));
    expect(verdict).toEqual({ kind: 'commit', commit: { ref: 'refs/heads/main', sha: SHA } });
  });

  it('takes upper-case hex as the same sha and cuts a very long pusher name to the catalog limit', () => {
    const verdict = checkPush(push({ after: SHA.toUpperCase(), pusher: 'p'.repeat(300) }));
    expect(verdict).toMatchObject({ kind: 'commit', commit: { sha: SHA, pusher: 'p'.repeat(200) } });
  });

  it.each([
    [{ deleted: true, after: ZERO }, 'refs/heads/main was deleted: nothing to sync'],
    [{ after: ZERO }, 'refs/heads/main was deleted: nothing to sync'],
    [{ ref: 'refs/tags/v1.0.0' }, 'refs/tags/v1.0.0 is not a branch: only branch pushes are recorded'],
  ])('ignores %j: %s', (changes, reason) => {
    expect(checkPush(push(changes))).toEqual({ kind: 'ignored', reason });
  });

  it.each([
    [{ ref: 'main' }, 'ref'],
    [{ ref: 'refs/heads/a b' }, 'ref'],
    [{ ref: `refs/heads/${'x'.repeat(200)}` }, 'ref'],
    [{ after: 'abc123' }, 'after'],
    [{ before: 'not-a-sha' }, 'before'],
  ])('refuses %j naming %s', (changes, field) => {
    expect(() => checkPush(push(changes))).toThrow(BadRequestError);
    try {
      checkPush(push(changes));
    } catch (err) {
      expect((err as BadRequestError).field).toBe(field);
    }
  });
});
