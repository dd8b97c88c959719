// Gitea (and Forgejo): https://docs.gitea.com/usage/webhooks — a "Gitea" webhook, POST, application/json.
import { z } from 'zod';
import { hmacSignatureMatches } from '../webhook-signature';
import { parsePayload, urlsOf, type WebhookHostSpec } from './webhook-host';

const url = z.string().nullish();

const GiteaPush = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  commits: z.array(z.unknown()).nullish(),
  total_commits: z.number().int().min(0).nullish(),
  pusher: z.object({ login: z.string().nullish(), username: z.string().nullish() }).nullish(),
  repository: z.object({ clone_url: url, ssh_url: url, html_url: url }),
});

export const GITEA: WebhookHostSpec = {
  host: 'gitea',
  label: 'Gitea',
  signatureHeader: 'X-Gitea-Signature',
  signatureMatches: (secret, body, signature) => hmacSignatureMatches(secret, body, signature),
  eventHeader: 'X-Gitea-Event',
  deliveryHeaders: ['X-Gitea-Delivery'],
  kindOf: (event) => (event === 'push' ? 'push' : 'other'),
  readPush(payload) {
    const push = parsePayload(GiteaPush, payload, 'Gitea');
    const repo = push.repository;
    return {
      ref: push.ref,
      before: push.before,
      after: push.after,
      deleted: false,
      pusher: push.pusher?.login ?? push.pusher?.username ?? undefined,
      commitCount: push.total_commits ?? push.commits?.length,
      repoUrls: urlsOf(repo.clone_url, repo.ssh_url, repo.html_url),
    };
  },
};
