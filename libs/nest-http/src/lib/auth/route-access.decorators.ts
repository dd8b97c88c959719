// How a route is reached, for BearerTokenGuard: most routes follow the app's token
// settings; a few are open to everyone or check a signature of their own.
import { SetMetadata } from '@nestjs/common';

export const OPEN_ROUTE = 'state-hub:open-route';
export const SIGNATURE_AUTH = 'state-hub:signature-auth';

/** Needs no token, even with API_READS_REQUIRE_TOKEN (liveness and health probes). */
export const OpenRoute = () => SetMetadata(OPEN_ROUTE, true);

/**
 * The route checks a signature over its body itself (the git hosts' webhooks, see WebhookSignatureGuard): a git
 * host cannot send `Authorization: Bearer <token>`, so the bearer token does not apply.
 */
export const SignatureAuth = () => SetMetadata(SIGNATURE_AUTH, true);
