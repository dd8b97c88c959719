// The webhooks authenticate with the git host's signature header, not the bearer
// token: one security scheme per host, added to the hub's OpenAPI document.
import type { OpenAPIObject } from '@nestjs/swagger';
import { WEBHOOK_HOSTS, type WebhookHost } from '@state-hub/db';
import { WEBHOOK_HOST_SPECS } from './hosts/webhook-hosts';

const HOW: Record<WebhookHost, string> = {
  github: 'sha256=<hex HMAC-SHA256 of the raw body, keyed with WEBHOOK_SECRET>',
  gitea: '<hex HMAC-SHA256 of the raw body, keyed with WEBHOOK_SECRET>',
  gitlab: 'WEBHOOK_SECRET itself (the webhook\'s "Secret token")',
};

export const webhookSecurityScheme = (host: WebhookHost) => `${host}WebhookSignature`;

/** Adds the hosts' signature schemes to `document` (the routes name them with @ApiSecurity). */
export function addWebhookSecuritySchemes(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemes = (components.securitySchemes ??= {});
  for (const host of WEBHOOK_HOSTS) {
    const spec = WEBHOOK_HOST_SPECS[host];
    schemes[webhookSecurityScheme(host)] = {
      type: 'apiKey',
      in: 'header',
      name: spec.signatureHeader,
      description: `${spec.label} webhooks: ${spec.signatureHeader}: ${HOW[host]}`,
    };
  }
  return document;
}
