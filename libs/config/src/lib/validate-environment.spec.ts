import { defaultLogFormat, IntSetting, LogFormatSetting, LogLevelSetting, TokenSetting } from './env-settings';
import { ConfigError, configErrorText, validateEnvironment } from './validate-environment';

class SampleConfig {
  @IntSetting('PORT', 1, 65535)
  PORT = 3000;

  @TokenSetting('API_TOKEN')
  API_TOKEN?: string;

  @LogLevelSetting()
  LOG_LEVEL = 'info';

  @LogFormatSetting()
  LOG_FORMAT = 'json';
}

function configErrorOf(raw: Record<string, unknown>): ConfigError {
  try {
    validateEnvironment(SampleConfig, raw);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`${JSON.stringify(raw)} was accepted`);
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

  it('holds one line per bad variable, and prints each as `<app>: <problem>`', () => {
    const error = configErrorOf({ PORT: '0', API_TOKEN: 'short', LOG_FORMAT: 'xml' });
    expect(error.problems).toEqual([
      'PORT must be an integer between 1 and 65535 (got 0)',
      'API_TOKEN must be at least 16 characters (got (hidden))',
      'LOG_FORMAT must be one of pretty, json (got "xml")',
    ]);
    expect(configErrorText('demo', error)).toBe(
      'demo: PORT must be an integer between 1 and 65535 (got 0)\n' +
        'demo: API_TOKEN must be at least 16 characters (got (hidden))\n' +
        'demo: LOG_FORMAT must be one of pretty, json (got "xml")\n',
    );
    expect(configErrorText('demo', new ConfigError('MCP_HTTP_TOKEN is required'))).toBe(
      'demo: MCP_HTTP_TOKEN is required\n',
    );
  });

  it('defaults LOG_FORMAT to pretty on a terminal and json elsewhere', () => {
    expect(defaultLogFormat({ isTTY: true })).toBe('pretty');
    expect(defaultLogFormat({ isTTY: false })).toBe('json');
    expect(defaultLogFormat({})).toBe('json');
  });

  it('refuses a token with whitespace', () => {
    expect(() => validateEnvironment(SampleConfig, { API_TOKEN: 'a token with spaces inside' })).toThrow(
      /API_TOKEN must not contain whitespace/,
    );
  });
});
