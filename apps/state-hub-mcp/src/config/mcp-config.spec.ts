import { ConfigError, validateConfig } from './mcp-config';

describe('validateConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({
      STATE_HUB_URL: 'http://127.0.0.1:3000',
      STATE_HUB_TIMEOUT_MS: 10000,
      MCP_HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    expect(config.STATE_HUB_API_TOKEN).toBeUndefined();
    expect(config.MCP_ALLOWED_HOSTS).toBeUndefined();
    expect(config.MCP_HTTP_TOKEN).toBeUndefined();
  });

  it('takes an MCP_HTTP_TOKEN of at least 16 characters', () => {
    expect(validateConfig({ MCP_HTTP_TOKEN: 'mcp-http-token-0123' }).MCP_HTTP_TOKEN).toBe('mcp-http-token-0123');
  });

  it('keeps a base path and drops trailing slashes from STATE_HUB_URL', () => {
    expect(validateConfig({ STATE_HUB_URL: 'https://hub.example.org/api/' }).STATE_HUB_URL).toBe(
      'https://hub.example.org/api',
    );
  });

  it('treats empty strings as unset', () => {
    expect(validateConfig({ STATE_HUB_API_TOKEN: '', MCP_HTTP_TOKEN: '', MCP_ALLOWED_HOSTS: '' })).toMatchObject({
      STATE_HUB_API_TOKEN: undefined,
      MCP_HTTP_TOKEN: undefined,
      MCP_ALLOWED_HOSTS: undefined,
    });
  });

  it.each([
    ['STATE_HUB_URL', 'ftp://hub', /STATE_HUB_URL must be an http:\/\/ or https:\/\/ URL.* \(got \(hidden\)\)/],
    ['STATE_HUB_URL', 'localhost:3000', /STATE_HUB_URL must be an http/],
    ['STATE_HUB_URL', 'http://hub:3000/?x=1', /STATE_HUB_URL must be an http/],
    ['STATE_HUB_API_TOKEN', 'short', /STATE_HUB_API_TOKEN must be at least 16 characters \(got \(hidden\)\)/],
    ['MCP_HTTP_TOKEN', 'short', /MCP_HTTP_TOKEN must be at least 16 characters \(got \(hidden\)\)/],
    ['MCP_HTTP_TOKEN', 'x'.repeat(513), /MCP_HTTP_TOKEN must be at most 512 characters \(got \(hidden\)\)/],
    ['MCP_HTTP_TOKEN', 'sixteen chars and more', /MCP_HTTP_TOKEN must not contain whitespace \(got \(hidden\)\)/],
    ['STATE_HUB_TIMEOUT_MS', '5', /STATE_HUB_TIMEOUT_MS must be an integer between 100 and 120000/],
    ['MCP_HTTP_HOST', 'a b', /MCP_HTTP_HOST must be a host name/],
    ['MCP_ALLOWED_HOSTS', 'a, b', /MCP_ALLOWED_HOSTS must be host names separated by commas/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
  ])('rejects %s=%s with a message naming it', (name, value, message) => {
    expect(() => validateConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => validateConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => validateConfig({ STATE_HUB_URL: 'nope', LOG_LEVEL: 'loud' })).toThrow(/STATE_HUB_URL[\s\S]*LOG_LEVEL/);
  });
});
