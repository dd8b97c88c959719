// Where an app's pino logs go, by LOG_FORMAT: JSON lines on stdout (for log
// shippers), or the same records as readable lines for a person at a terminal.
// pino-pretty runs as a synchronous stream in this process, not as a pino
// transport: a transport is a worker thread that a webpack-bundled app cannot load.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LogFormatName, redactHeaders, redactText, redactUrl } from '@state-hub/config';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import pinoPretty from 'pino-pretty';

/** Shown in the line itself (see prettyMessage) or of no use to a person reading one process's log. */
const HIDDEN_KEYS = 'pid,hostname,service,replica,context,req,res,responseTime';

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** `[Context] message`, and for a request line its method, url, status and duration. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const parts: string[] = [];
  if (typeof log['context'] === 'string') parts.push(`[${log['context']}]`);
  parts.push(String(log[messageKey] ?? ''));
  const method = field(log['req'], 'method');
  if (typeof method === 'string') parts.push(`${method} ${String(field(log['req'], 'url'))}`);
  const status = field(log['res'], 'statusCode');
  if (typeof status === 'number') parts.push(String(status));
  if (typeof log['responseTime'] === 'number') parts.push(`${log['responseTime']} ms`);
  return parts.join(' ');
}

/** Readable lines on stdout, written synchronously (nothing is lost when the process exits). */
export function prettyLogStream(colorize = process.stdout.isTTY === true): DestinationStream {
  return pinoPretty({
    destination: 1,
    sync: true,
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: HIDDEN_KEYS,
    messageFormat: prettyMessage,
  });
}

/** The request as logged: credential headers (Authorization, Cookie, X-Gitlab-Token …) and query values hidden. */
export function redactRequest(req: Record<string, unknown>): Record<string, unknown> {
  const headers = req['headers'];
  return {
    ...req,
    ...(typeof req['url'] === 'string' ? { url: redactUrl(req['url']) } : {}),
    ...(headers && typeof headers === 'object' ? { headers: redactHeaders(headers as Record<string, unknown>) } : {}),
  };
}

/**
 * nestjs-pino's `pinoHttp` for a LOG_FORMAT: pino's own JSON on stdout, or pino-pretty's lines. Every line
 * passes through redactText on its way out, so no registered secret (the apps' tokens, the values `${VAR}`
 * put into definitions) reaches the log, whatever logged it.
 */
export function pinoHttpFor<IM extends IncomingMessage, SR extends ServerResponse>(
  format: LogFormatName,
  options: Options<IM, SR>,
): Options<IM, SR> | [Options<IM, SR>, DestinationStream] {
  const redacting: Options<IM, SR> = {
    ...options,
    serializers: { ...options.serializers, req: redactRequest },
    hooks: { ...options.hooks, streamWrite: redactText },
  };
  return format === 'pretty' ? [redacting, prettyLogStream()] : redacting;
}
