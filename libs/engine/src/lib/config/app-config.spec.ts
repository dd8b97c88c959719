import { ConfigError, validateConfig } from './app-config';

describe('validateConfig', () => {
  it('fills the documented defaults', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_STREAM: 'ACTIVITY_EVENTS',
      ENGINE_DURABLE: 'activity-engine',
      ENGINE_DATA_DIR: '.activity-engine',
      ACTIVITY_DEFINITIONS_DIR: 'activity-definitions',
      PORT: 3001,
      HOST: '127.0.0.1',
      SHELL_OUTPUT_LIMIT_BYTES: 16384,
      ENGINE_MAX_IN_FLIGHT: 128,
      DEAD_LETTER_SCAN_LIMIT: 10000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REPLICA_ID).toMatch(/-\d+$/);
  });

  it('names every bad variable', () => {
    expect(() => validateConfig({ PORT: 'x', DATABASE_URL: 'mysql://a', SHELL_OUTPUT_LIMIT_BYTES: '1' })).toThrow(
      ConfigError,
    );
    try {
      validateConfig({ PORT: 'x', DATABASE_URL: 'mysql://a', ENGINE_DURABLE: 'a b' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT must be an integer');
      expect(message).toContain('DATABASE_URL must be a postgres://');
      expect(message).toContain('ENGINE_DURABLE must be');
      expect(message).not.toContain('mysql'); // URLs may carry passwords
    }
  });

  it('takes ENGINE_MAX_IN_FLIGHT from 1 to 1024', () => {
    expect(validateConfig({ ENGINE_MAX_IN_FLIGHT: '8' }).ENGINE_MAX_IN_FLIGHT).toBe(8);
    for (const bad of ['0', '1025', '2.5', 'lots']) {
      expect(() => validateConfig({ ENGINE_MAX_IN_FLIGHT: bad })).toThrow(
        'ENGINE_MAX_IN_FLIGHT must be an integer between 1 and 1024',
      );
    }
  });

  it('takes DEAD_LETTER_SCAN_LIMIT from 100 to 1,000,000', () => {
    expect(validateConfig({ DEAD_LETTER_SCAN_LIMIT: '250' }).DEAD_LETTER_SCAN_LIMIT).toBe(250);
    for (const bad of ['99', '1000001', 'all']) {
      expect(() => validateConfig({ DEAD_LETTER_SCAN_LIMIT: bad })).toThrow(
        'DEAD_LETTER_SCAN_LIMIT must be an integer between 100 and 1000000',
      );
    }
  });
});
