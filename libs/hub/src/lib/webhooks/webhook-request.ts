import type { IncomingMessage } from 'node:http';

/** Requests under /webhooks/ (the git hosts' deliveries), whose bodies are kept as raw bytes. */
export function isWebhookRequest(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url.startsWith('/webhooks') && /^\/webhooks(?:[/?]|$)/.test(url);
}
