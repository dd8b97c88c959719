import fc from 'fast-check';
import { remoteKey, sameRemote } from './remote-url';

/** Path segments as hosts allow them: no dot-only segments, none ending in .git. */
const segment = fc
  .stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,14}$/)
  .filter((s) => !s.toLowerCase().endsWith('.git') && !/^\.+$/.test(s));
const repoPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const host = fc.domain().filter((h) => !h.includes('xn--'));
const user = fc.constantFrom('git', 'gitea', 'deploy');
/** The host with some of its letters in upper case. */
const shouted = (h: string, mask: number) =>
  [...h].map((c, i) => ((mask >> (i % 31)) & 1 ? c.toUpperCase() : c)).join('');

/** Every way a remote for host/path is commonly written. */
function spellings(h: string, path: string, u: string, mask: number): string[] {
  const H = shouted(h, mask);
  return [
    `https://${h}/${path}.git`,
    `https://${H}/${path}`,
    `http://${h}/${path}/`,
    `https://${u}:token@${h}/${path}.git`,
    `ssh://${u}@${H}/${path}.git`,
    `ssh://${u}@${h}:2222/${path}`,
    `git+ssh://${u}@${h}/${path}.git/`,
    `git://${h}/${path}.git`,
    `${u}@${H}:${path}.git`,
    `${h}:${path}`,
  ];
}

describe('remoteKey', () => {
  it.each([
    ['https://github.com/Codertocat/Hello-World.git', 'github.com/Codertocat/Hello-World'],
    ['git@GitHub.com:Codertocat/Hello-World.git', 'github.com/Codertocat/Hello-World'],
    ['ssh://git@test.example.com:22/mike/diaspora.git', 'test.example.com/mike/diaspora'],
    ['HTTP://LOCALHOST:3000/gitea/webhooks/', 'localhost/gitea/webhooks'],
    ['ssh://gitea@localhost:2222/gitea/webhooks.git', 'localhost/gitea/webhooks'],
    ['git@host:/srv/git/repo.git', 'host/srv/git/repo'],
    ['/tmp/origin.git', '/tmp/origin'],
    ['file:///tmp/origin.git', '/tmp/origin'],
    ['  https://github.com/a/b.git  ', 'github.com/a/b'],
  ])('%s → %s', (remote, key) => {
    expect(remoteKey(remote)).toBe(key);
  });

  it('has no key for an empty remote', () => {
    expect(remoteKey('   ')).toBeNull();
    expect(sameRemote('', '')).toBe(false);
  });

  it('gives every common spelling of a repository the same key', () => {
    fc.assert(
      fc.property(host, repoPath, user, fc.nat(), (h, path, u, mask) => {
        const keys = new Set(spellings(h, path, u, mask).map(remoteKey));
        expect([...keys]).toEqual([`${h.toLowerCase()}/${path}`]);
      }),
    );
  });

  it('tells different repositories apart: another path, another case of the path, another host', () => {
    fc.assert(
      fc.property(host, host, repoPath, repoPath, (h1, h2, p1, p2) => {
        fc.pre(h1 !== h2 && p1 !== p2);
        expect(sameRemote(`https://${h1}/${p1}.git`, `git@${h1}:${p2}.git`)).toBe(false);
        expect(sameRemote(`https://${h1}/${p1}.git`, `git@${h2}:${p1}.git`)).toBe(false);
      }),
    );
    expect(sameRemote('https://github.com/org/Repo', 'https://github.com/org/repo')).toBe(false);
    expect(sameRemote('/srv/a/repo.git', 'host:/srv/a/repo.git')).toBe(false);
  });

  it('a local path and its file:// URL are the same remote', () => {
    fc.assert(
      fc.property(repoPath, (path) => {
        expect(sameRemote(`/${path}.git`, `file:///${path}`)).toBe(true);
      }),
    );
  });
});
