import type { IncomingMessage } from 'node:http';

/** Requests under /webhooks/ (the git hosts' deliveries), whose bodies are kept as raw bytes. */
export function isWebhookRequest(req: IncomingMessage): boolean {
  return /^\/webhooks(?:[/?]|$)/.test(req.url ?? '');
}
