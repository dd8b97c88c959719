// How the git hosts prove a delivery is theirs, checked in constant time on the
// raw bytes before anything parses them: GitHub and Gitea send an HMAC-SHA256 of
// the body keyed with the shared secret; GitLab sends the secret itself.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Fixed-length digests compare in the same time whatever the input's length or content. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function sameText(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** `signature` is `prefix` + the lowercase hex HMAC-SHA256 of `body` under `secret` (hex case does not count). */
export function hmacSignatureMatches(secret: string, body: Buffer, signature: string, prefix = ''): boolean {
  const expected = prefix + createHmac('sha256', secret).update(body).digest('hex');
  const given = signature.trim();
  const normalised = given.slice(0, prefix.length) + given.slice(prefix.length).toLowerCase();
  return sameText(normalised, expected);
}

/** `token` is the secret itself (GitLab's X-Gitlab-Token). */
export function tokenMatches(secret: string, token: string): boolean {
  return sameText(token, secret);
}
