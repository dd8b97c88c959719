import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSignatureMatches, tokenMatches } from './webhook-signature';

const SECRET = 'webhook-secret-0123456789abcdef';
const hmac = (body: Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

describe('hmacSignatureMatches', () => {
  it('accepts the HMAC-SHA256 of exactly these bytes, with its prefix, in either hex case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const body = Buffer.from(bytes);
        expect(hmacSignatureMatches(SECRET, body, `sha256=${hmac(body)}`, 'sha256=')).toBe(true);
        expect(hmacSignatureMatches(SECRET, body, `sha256=${hmac(body).toUpperCase()}`, 'sha256=')).toBe(true);
        expect(hmacSignatureMatches(SECRET, body, hmac(body))).toBe(true);
      }),
    );
  });

  it('refuses another body, another secret, a missing or wrong prefix, a truncated digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 500 }), fc.nat(), (bytes, at) => {
        const body = Buffer.from(bytes);
        const changed = Buffer.from(body);
        changed[at % changed.length] ^= 1;
        const digest = hmac(body);
        expect(hmacSignatureMatches(SECRET, changed, `sha256=${digest}`, 'sha256=')).toBe(false);
        expect(hmacSignatureMatches(SECRET, body, `sha256=${hmac(body, `${SECRET}x`)}`, 'sha256=')).toBe(false);
        expect(hmacSignatureMatches(SECRET, body, digest, 'sha256=')).toBe(false);
        expect(hmacSignatureMatches(SECRET, body, `sha1=${digest}`, 'sha256=')).toBe(false);
        expect(hmacSignatureMatches(SECRET, body, `sha256=${digest.slice(0, 63)}`, 'sha256=')).toBe(false);
        expect(hmacSignatureMatches(SECRET, body, '')).toBe(false);
      }),
    );
  });
});

describe('tokenMatches', () => {
  it('accepts the secret itself and nothing else', () => {
    expect(tokenMatches(SECRET, SECRET)).toBe(true);
    fc.assert(
      fc.property(fc.string(), (token) => {
        fc.pre(token !== SECRET);
        expect(tokenMatches(SECRET, token)).toBe(false);
      }),
    );
    expect(tokenMatches(SECRET, ` ${SECRET}`)).toBe(false);
  });
});
