// One key per git remote, however it is written, so a push webhook finds the
// registered repo whose remote_url names the same repository:
//   https://GitHub.com/org/repo.git, ssh://git@github.com:22/org/repo, git@github.com:org/repo.git
//   → github.com/org/repo
// Scheme, user, port, the case of the host, a `.git` suffix and trailing slashes
// do not count; the path's case does (it is the host's to decide). Local paths
// and file:// URLs become their absolute path.

/** `user@host:path` (scp-like; what `git clone git@github.com:org/repo.git` takes). */
const SCP_LIKE = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.*)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function trimPath(path: string): string {
  let p = path.replace(/\/+$/, '');
  if (p.toLowerCase().endsWith('.git')) p = p.slice(0, -4).replace(/\/+$/, '');
  return p.replace(/\/{2,}/g, '/');
}

function fromUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (url.protocol === 'file:') return trimPath(path) || '/';
  if (!host) return null;
  const rest = trimPath(path).replace(/^\/+/, '');
  return rest ? `${host}/${rest}` : host;
}

/** The comparison key of a remote URL or path; null for an empty one. */
export function remoteKey(remote: string): string | null {
  const text = remote.trim();
  if (!text) return null;
  if (SCHEME.test(text)) return fromUrl(text) ?? trimPath(text);
  if (text.startsWith('/')) return trimPath(text) || '/';
  const scp = SCP_LIKE.exec(text);
  if (scp) {
    const rest = trimPath(scp[2]).replace(/^\/+/, '');
    return rest ? `${scp[1].toLowerCase()}/${rest}` : scp[1].toLowerCase();
  }
  return trimPath(text);
}

/** Whether two remotes name the same repository. */
export function sameRemote(a: string, b: string): boolean {
  const key = remoteKey(a);
  return key !== null && key === remoteKey(b);
}
