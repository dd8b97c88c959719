// Log lines go to stderr, so that stdout holds only the job's result (action
// lines and summary, or the JSON report). LOG_LEVEL picks what is shown; Nest's
// own start-up chatter counts as debug.
import type { LoggerService } from '@nestjs/common';
import type { LogLevelName } from '@state-hub/config';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const RANK: Record<LogLevelName, number> = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };
const LEVEL_RANK: Record<Level, number> = { fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'NestApplicationContext']);

export class StderrLogger implements LoggerService {
  constructor(readonly level: LogLevelName) {}

  /** True when lines of `level` are shown (main uses it for stack traces at debug). */
  shows(level: Level): boolean {
    return LEVEL_RANK[level] <= RANK[this.level];
  }

  log(message: unknown, context?: string): void {
    this.write(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, lastContext(rest));
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, lastContext(rest));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(level: Level, message: unknown, context?: string): void {
    if (!this.shows(level)) return;
    const text =
      message instanceof Error
        ? this.shows('debug')
          ? (message.stack ?? message.message)
          : message.message
        : String(message);
    process.stderr.write(`stale-cleanup: ${level}: ${context ? `[${context}] ` : ''}${text}\n`);
  }
}

/** Nest passes `(message, stack?, context?)` to error(): the context is the last string. */
function lastContext(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
