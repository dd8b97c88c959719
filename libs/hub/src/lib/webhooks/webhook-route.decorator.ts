// One decorator per git host's route: the path, the host for the signature
// guard, the bearer-token exemption, and the OpenAPI description of its headers.
import { applyDecorators, HttpCode, Post, SetMetadata, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
} from '@nestjs/swagger';
import type { WebhookHost } from '@state-hub/db';
import { ApiErrors } from '@state-hub/nest-http';
import { SignatureAuth } from '@state-hub/nest-http';
import { WebhookResultView } from './dto/webhook-result.view';
import { WEBHOOK_HOST_SPECS } from './hosts/webhook-hosts';
import { webhookSecurityScheme } from './webhook-openapi';
import { WEBHOOK_HOST, WebhookSignatureGuard } from './webhook-signature.guard';

export function WebhookRoute(host: WebhookHost, signature: string): MethodDecorator {
  const spec = WEBHOOK_HOST_SPECS[host];
  return applyDecorators(
    Post(host),
    HttpCode(202),
    SetMetadata(WEBHOOK_HOST, host),
    SignatureAuth(),
    UseGuards(WebhookSignatureGuard),
    ApiOperation({
      operationId: `receive${spec.label.replace(/[^A-Za-z]/g, '')}Webhook`,
      summary: `Receive a ${spec.label} push webhook`,
      description:
        `Point a ${spec.label} webhook here (docs/webhooks.md). ${signature} The signature is checked on the raw ` +
        'body before anything is parsed, so this route needs no bearer token. A push to a branch of a registered ' +
        'repo (matched by remote_url) records the commit and publishes org.repo.commit.pushed through the outbox, ' +
        'which the per-commit sync definition turns into a sync that fetches the push.',
    }),
    ApiSecurity(webhookSecurityScheme(host)),
    ApiHeader({ name: spec.eventHeader, required: true, description: 'the event: only pushes are recorded' }),
    ...spec.deliveryHeaders.map((name) =>
      ApiHeader({ name, required: false, description: 'the delivery id (a push needs one): a repeat emits nothing' }),
    ),
    ApiConsumes('application/json'),
    ApiBody({ schema: { type: 'object', description: `${spec.label}'s event payload`, additionalProperties: true } }),
    ApiOkResponse({ type: WebhookResultView, description: 'a ping: the webhook is set up right' }),
    ApiAcceptedResponse({ type: WebhookResultView, description: 'recorded, ignored (see reason) or a duplicate' }),
    ApiErrors(
      [400, 'the payload, its event header or delivery id is malformed (`field` names it)'],
      [401, `missing ${spec.signatureHeader}, or it does not match WEBHOOK_SECRET`],
      [403, 'webhooks are disabled: WEBHOOK_SECRET is not set'],
      [413, 'the payload is larger than BODY_LIMIT (default 1mb)'],
      [415, 'the body is not application/json'],
      503,
    ),
  );
}
