import type { WebhookHost } from '@state-hub/db';
import { GITEA } from './gitea.host';
import { GITHUB } from './github.host';
import { GITLAB } from './gitlab.host';
import type { WebhookHostSpec } from './webhook-host';

export const WEBHOOK_HOST_SPECS: Readonly<Record<WebhookHost, WebhookHostSpec>> = {
  github: GITHUB,
  gitea: GITEA,
  gitlab: GITLAB,
};
