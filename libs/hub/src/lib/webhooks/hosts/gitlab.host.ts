// GitLab: https://docs.gitlab.com/user/project/integrations/webhooks/ — push events, with a secret token.
import { z } from 'zod';
import { tokenMatches } from '../webhook-signature';
import { parsePayload, urlsOf, type WebhookHostSpec } from './webhook-host';

const url = z.string().nullish();
const urls = { git_http_url: url, git_ssh_url: url, web_url: url, http_url: url, ssh_url: url, url, homepage: url };

const GitlabPush = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  user_username: z.string().nullish(),
  user_name: z.string().nullish(),
  total_commits_count: z.number().int().min(0).nullish(),
  project: z.object(urls).nullish(),
  repository: z.object(urls).nullish(),
});

export const GITLAB: WebhookHostSpec = {
  host: 'gitlab',
  label: 'GitLab',
  signatureHeader: 'X-Gitlab-Token',
  signatureMatches: (secret, _body, token) => tokenMatches(secret, token),
  eventHeader: 'X-Gitlab-Event',
  // X-Gitlab-Event-UUID since GitLab 15.x; Idempotency-Key (same value on retries) since 17.x
  deliveryHeaders: ['Idempotency-Key', 'X-Gitlab-Event-UUID'],
  kindOf: (event) => (event === 'Push Hook' ? 'push' : 'other'),
  readPush(payload) {
    const push = parsePayload(GitlabPush, payload, 'GitLab');
    const places = [push.project, push.repository].filter((p): p is NonNullable<typeof p> => p != null);
    return {
      ref: push.ref,
      before: push.before,
      after: push.after,
      deleted: false,
      pusher: push.user_username ?? push.user_name ?? undefined,
      commitCount: push.total_commits_count ?? undefined,
      repoUrls: urlsOf(
        ...places.flatMap((p) => [p.git_http_url, p.git_ssh_url, p.web_url, p.http_url, p.ssh_url, p.url, p.homepage]),
      ),
    };
  },
};
