// Parsers for flag and argument values: commander calls them, and a value they
// refuse is a usage error (exit 2) naming the flag and what it must be.
import { SLUG_PATTERN } from '@state-hub/hub-client';
import { InvalidArgumentError } from 'commander';
import { parseHubUrl } from '../config/cli-env';

export const MAX_SECONDS = 3600;

export function slug(value: string): string {
  if (value.length > 64 || !SLUG_PATTERN.test(value)) {
    throw new InvalidArgumentError('must be a repo slug such as "state-hub" (lowercase letters, digits, - _ .)');
  }
  return value;
}

export function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_SECONDS) {
    throw new InvalidArgumentError(`must be an integer between 1 and ${MAX_SECONDS}`);
  }
  return n;
}

export function httpUrl(value: string): string {
  try {
    return parseHubUrl(value, 'URL');
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^URL /, ''));
  }
}

export function limit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 500) throw new InvalidArgumentError('must be an integer between 1 and 500');
  return n;
}

export function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1_000_000) {
    throw new InvalidArgumentError('must be an integer between 1 and 1000000');
  }
  return n;
}

export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port, 1..65535');
  return n;
}

export function natsUrl(value: string): string {
  const ok = value.split(',').every((server) => /^(nats|tls|wss?):\/\/[^\s'"]+$/.test(server.trim()));
  if (!ok) throw new InvalidArgumentError('must be a nats:// URL (comma-separate several)');
  return value;
}

export function streamName(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new InvalidArgumentError('must be a stream name (letters, digits, - and _)');
  }
  return value;
}
