// Nest's console logger, but every line goes to stderr: in stdio mode stdout
// carries the MCP protocol and nothing else. LOG_FORMAT picks Nest's readable
// lines (coloured on a terminal) or one JSON object per line.
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { LogFormatName, LogLevelName } from '../config/mcp-config';

const NEST_LEVELS: Record<LogLevelName, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

export class StderrLogger extends ConsoleLogger {
  constructor(level: LogLevelName = 'info', format: LogFormatName = 'json') {
    super({
      json: format === 'json',
      colors: format === 'pretty' && process.stderr.isTTY === true,
      logLevels: NEST_LEVELS[level],
    });
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
    params?: Record<string, unknown>,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack, params);
  }
}
