import { ConfigError, validateConfig } from './app-config';

describe('validateConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      STATE_HUB_DATA_DIR: '.state-hub',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '1mb',
      DB_POOL_SIZE: 10,
      WEBHOOK_DELIVERY_RETENTION_DAYS: 30,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.STATE_HUB_API_TOKEN).toBeUndefined();
    expect(config.WEBHOOK_SECRET).toBeUndefined();
  });

  it('parses numbers and keeps given values', () => {
    const config = validateConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db', DB_POOL_SIZE: '4' });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@h:5432/db', DB_POOL_SIZE: 4 });
  });

  it('treats empty strings as unset', () => {
    expect(validateConfig({ DATABASE_URL: '', STATE_HUB_API_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer between 1 and 65535 \(got "abc"\)/],
    ['PORT', '70000', /PORT must be an integer/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got \(hidden\)\)/],
    ['NATS_URL', 'http://x', /NATS_URL must be one or more nats:\/\//],
    ['OUTBOX_RELAY', 'maybe', /OUTBOX_RELAY must be on or off/],
    ['STATE_HUB_API_TOKEN', 'short', /STATE_HUB_API_TOKEN must be at least 16 characters \(got \(hidden\)\)/],
    ['WEBHOOK_SECRET', 'short', /WEBHOOK_SECRET must be at least 16 characters \(got \(hidden\)\)/],
    ['WEBHOOK_SECRET', 'has white space in it', /WEBHOOK_SECRET must not contain whitespace \(got \(hidden\)\)/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    ['BODY_LIMIT', 'lots', /BODY_LIMIT must be a size/],
    ['DB_POOL_SIZE', '0', /DB_POOL_SIZE must be an integer between 1 and 100/],
    ['WEBHOOK_DELIVERY_RETENTION_DAYS', '0', /WEBHOOK_DELIVERY_RETENTION_DAYS must be an integer between 1 and 3650/],
    ['ENGINE_URL', 'engine:3001', /ENGINE_URL must be an http:\/\/ or https:\/\/ URL/],
    ['ENGINE_API_TOKEN', 'short', /ENGINE_API_TOKEN must be at least 16 characters \(got \(hidden\)\)/],
  ])('rejects %s=%s with a message naming it', (name, value, message) => {
    expect(() => validateConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => validateConfig({ [name]: value })).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    expect(() => validateConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });
});
