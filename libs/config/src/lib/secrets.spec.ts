import { redactHeaders, redactSecrets, redactText, redactUrl, registerSecret, SECRET_MARKER } from './secrets';
import { assertNetworkAccessProtected, isLoopbackHost } from './network-access';
import { TokenSetting } from './env-settings';
import { validateEnvironment } from './validate-environment';

// The registry is process-wide and only grows: each test registers values of its own.
describe('secret redaction', () => {
  it('hides every occurrence of a registered value in text, keys and nested values', () => {
    registerSecret('canary-0001-abcdef');
    expect(redactText('Bearer canary-0001-abcdef and again canary-0001-abcdef.')).toBe(
      `Bearer ${SECRET_MARKER} and again ${SECRET_MARKER}.`,
    );
    const stored = redactSecrets({
      url: 'http://x/?q=canary-0001-abcdef',
      list: ['a', 'xcanary-0001-abcdefx', 3, null, true],
      'canary-0001-abcdef': { deep: 'canary-0001-abcdef' },
      at: new Date(0),
    });
    expect(JSON.stringify(stored)).not.toContain('canary-0001-abcdef');
    expect(stored.list).toEqual(['a', `x${SECRET_MARKER}x`, 3, null, true]);
    expect(stored.at).toEqual(new Date(0));
  });

  it('hides a longer secret whole when it contains a shorter one', () => {
    registerSecret('inner-0002-secret');
    registerSecret('outer-inner-0002-secret-tail');
    expect(redactText('x outer-inner-0002-secret-tail y inner-0002-secret')).toBe(
      `x ${SECRET_MARKER} y ${SECRET_MARKER}`,
    );
  });

  it('treats regular-expression characters in a secret literally', () => {
    registerSecret('a.b*c+0003(d)[e]$');
    expect(redactText('<a.b*c+0003(d)[e]$>')).toBe(`<${SECRET_MARKER}>`);
    expect(redactText('aXb*c+0003(d)[e]$')).toBe('aXb*c+0003(d)[e]$');
  });

  it('ignores values too short to be credentials, so ordinary text stays readable', () => {
    registerSecret('true');
    registerSecret('');
    registerSecret(undefined);
    expect(redactText('true story')).toBe('true story');
  });

  it('hides credential-named headers and query parameters whatever their value', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer whatever', 'x-gitlab-token': 'abc', cookie: 'c=1', accept: 'text/plain' }),
    ).toEqual({
      Authorization: SECRET_MARKER,
      'x-gitlab-token': SECRET_MARKER,
      cookie: SECRET_MARKER,
      accept: 'text/plain',
    });
    expect(redactUrl('/runs?api_key=abc&limit=5&access%5Ftoken=zz')).toBe(
      `/runs?api_key=${SECRET_MARKER}&limit=5&access%5Ftoken=${SECRET_MARKER}`,
    );
    expect(redactUrl('/runs')).toBe('/runs');
  });

  it('registers the value of every TokenSetting when the configuration is read', () => {
    class Config {
      @TokenSetting('SOME_TOKEN')
      SOME_TOKEN?: string;
    }
    validateEnvironment(Config, { SOME_TOKEN: 'token-0004-0123456789' });
    expect(redactText('sent token-0004-0123456789')).toBe(`sent ${SECRET_MARKER}`);
  });
});

describe('network access', () => {
  it('knows loopback binds', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'hub.example.org', '127.0.0.1.example.org']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('refuses a non-loopback bind without a token, with a line naming the token and the fix', () => {
    expect(() => assertNetworkAccessProtected('0.0.0.0', undefined, 'ENGINE_API_TOKEN')).toThrow(
      /^ENGINE_API_TOKEN must be set when HOST=0\.0\.0\.0 \(not loopback\).*or HOST=127\.0\.0\.1$/,
    );
    expect(() => assertNetworkAccessProtected('0.0.0.0', 'x'.repeat(16), 'ENGINE_API_TOKEN')).not.toThrow();
    expect(() => assertNetworkAccessProtected('127.0.0.1', undefined, 'ENGINE_API_TOKEN')).not.toThrow();
  });
});
