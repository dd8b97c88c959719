// Marks a route that authenticates each request by a signature over its body (the git hosts' webhooks)
// instead of the bearer token: a git host cannot send `Authorization: Bearer <STATE_HUB_API_TOKEN>`.
// BearerTokenGuard lets such routes through; the route's own guard must check the signature.
import { SetMetadata } from '@nestjs/common';

export const SIGNATURE_AUTH = 'state-hub:signature-auth';

/** The route checks a signature itself (see WebhookSignatureGuard); the bearer token does not apply. */
export const SignatureAuth = () => SetMetadata(SIGNATURE_AUTH, true);
