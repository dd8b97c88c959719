import { DEFAULT_HTTP_PORT, parseCliArgs, UsageError } from './cli-args';

describe('parseCliArgs', () => {
  it('serves stdio by default', () => {
    expect(parseCliArgs([])).toEqual({ mode: 'stdio' });
  });

  it('serves HTTP with --http, on the default or the given port', () => {
    expect(parseCliArgs(['--http'])).toEqual({ mode: 'http', port: DEFAULT_HTTP_PORT });
    expect(parseCliArgs(['--http', '--port', '4100'])).toEqual({ mode: 'http', port: 4100 });
    expect(parseCliArgs(['--port=4100', '--http'])).toEqual({ mode: 'http', port: 4100 });
  });

  it('shows help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ mode: 'help' });
  });

  it.each([
    [['--http', '--port', 'abc'], /--port must be an integer between 1 and 65535 \(got "abc"\)/],
    [['--http', '--port', '0'], /--port must be an integer/],
    [['--http', '--port', '70000'], /--port must be an integer/],
    [['--port', '4100'], /--port needs --http/],
    [['--sse'], /Unknown option '--sse'/],
    [['serve'], /Unexpected argument 'serve'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
