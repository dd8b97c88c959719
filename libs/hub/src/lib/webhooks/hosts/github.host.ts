// GitHub: https://docs.github.com/en/webhooks (push and ping events; content type application/json).
import { z } from 'zod';
import { hmacSignatureMatches } from '../webhook-signature';
import { parsePayload, urlsOf, type WebhookHostSpec } from './webhook-host';

const url = z.string().nullish();

const GithubPush = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  pusher: z.object({ name: z.string().nullish() }).nullish(),
  commits: z.array(z.unknown()).nullish(),
  repository: z.object({ clone_url: url, ssh_url: url, git_url: url, html_url: url, url }),
});

export const GITHUB: WebhookHostSpec = {
  host: 'github',
  label: 'GitHub',
  signatureHeader: 'X-Hub-Signature-256',
  signatureMatches: (secret, body, signature) => hmacSignatureMatches(secret, body, signature, 'sha256='),
  eventHeader: 'X-GitHub-Event',
  deliveryHeaders: ['X-GitHub-Delivery'],
  kindOf: (event) => (event === 'ping' ? 'ping' : event === 'push' ? 'push' : 'other'),
  readPush(payload) {
    const push = parsePayload(GithubPush, payload, 'GitHub');
    const repo = push.repository;
    return {
      ref: push.ref,
      before: push.before,
      after: push.after,
      deleted: push.deleted === true,
      pusher: push.pusher?.name ?? undefined,
      commitCount: push.commits?.length,
      repoUrls: urlsOf(repo.clone_url, repo.ssh_url, repo.git_url, repo.html_url, repo.url),
    };
  },
};
