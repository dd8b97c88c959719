import { IntSetting, LogLevelSetting, TokenSetting } from './env-settings';
import { ConfigError, validateEnvironment } from './validate-environment';

class SampleConfig {
  @IntSetting('PORT', 1, 65535)
  PORT = 3000;

  @TokenSetting('API_TOKEN')
  API_TOKEN?: string;

  @LogLevelSetting()
  LOG_LEVEL = 'info';
}

describe('validateEnvironment', () => {
  it('fills defaults and converts numbers', () => {
    expect(validateEnvironment(SampleConfig, {})).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
    expect(validateEnvironment(SampleConfig, { PORT: '8080', API_TOKEN: '' })).toMatchObject({ PORT: 8080 });
  });

  it('names every bad variable and hides secrets', () => {
    const attempt = () => validateEnvironment(SampleConfig, { PORT: 'x', API_TOKEN: 'short', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be an integer between 1 and 65535 \(got "x"\)/);
    expect(attempt).toThrow(/API_TOKEN must be at least 16 characters \(got \(hidden\)\)/);
    expect(attempt).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('refuses a token with whitespace', () => {
    expect(() => validateEnvironment(SampleConfig, { API_TOKEN: 'a token with spaces inside' })).toThrow(
      /API_TOKEN must not contain whitespace/,
    );
  });
});
