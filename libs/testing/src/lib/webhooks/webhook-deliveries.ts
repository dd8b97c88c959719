// Git hosts' webhook deliveries for tests: the hosts' own example payloads
// (GitHub's from @octokit/webhooks-examples, Gitea's and GitLab's from their
// docs), framed and signed the way each host sends them.
import { createHmac, randomUUID } from 'node:crypto';
import githubDefinitions from '@octokit/webhooks-examples';
import { GITEA_PUSH_EXAMPLE } from './gitea-push.fixture';
import { GITLAB_PUSH_EXAMPLE } from './gitlab-push.fixture';

export type GitHostName = 'github' | 'gitea' | 'gitlab';
export const GIT_HOSTS: readonly GitHostName[] = ['github', 'gitea', 'gitlab'];

type Json = Record<string, unknown>;

export interface WebhookDelivery {
  /** `/webhooks/<host>` */
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** GitHub's example payloads of one event, as @octokit/webhooks-examples has them. */
export function githubExamples(event: string): Json[] {
  const definition = githubDefinitions.find((d) => d.name === event);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no '${event}' event`);
  return definition.examples.map((e) => structuredClone(e) as unknown as Json);
}

/** The host's documented push to a branch (GitHub: its first example that pushes a branch). */
export function examplePush(host: GitHostName): Json {
  if (host === 'gitea') return structuredClone(GITEA_PUSH_EXAMPLE);
  if (host === 'gitlab') return structuredClone(GITLAB_PUSH_EXAMPLE);
  const push = githubExamples('push').find((e) => String(e['ref']).startsWith('refs/heads/') && !e['deleted']);
  if (!push) throw new Error('@octokit/webhooks-examples has no branch push example');
  return push;
}

/** The push event's name in the host's event header. */
export const PUSH_EVENT: Record<GitHostName, string> = { github: 'push', gitea: 'push', gitlab: 'Push Hook' };

export interface PushChanges {
  ref?: string;
  before?: string;
  after?: string;
  /** Replaces the repository's clone URL (GitLab: its project's and repository's git_http_url). */
  cloneUrl?: string;
}

/** The host's example push with the ref, the shas and the clone URL changed; everything else as documented. */
export function pushPayload(host: GitHostName, changes: PushChanges = {}): Json {
  const payload = examplePush(host);
  for (const key of ['ref', 'before', 'after'] as const) if (changes[key]) payload[key] = changes[key];
  if (changes.cloneUrl) {
    const places = host === 'gitlab' ? ['project', 'repository'] : ['repository'];
    for (const place of places) {
      const target = payload[place] as Json;
      target[host === 'gitlab' ? 'git_http_url' : 'clone_url'] = changes.cloneUrl;
    }
  }
  return payload;
}

export interface DeliveryOptions {
  /** Sign with this secret; without one the delivery goes unsigned. */
  secret?: string;
  /** Default: a fresh UUID. */
  deliveryId?: string;
  /** Default: application/json. */
  contentType?: string;
}

/** `payload` (an object, or the exact body text) as `host` delivers `event`: headers, signature and all. */
export function signedDelivery(
  host: GitHostName,
  event: string,
  payload: Json | string,
  options: DeliveryOptions = {},
): WebhookDelivery {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const id = options.deliveryId ?? randomUUID();
  const hmac = (secret: string) => createHmac('sha256', secret).update(body).digest('hex');
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const secret = options.secret;
  if (host === 'github') {
    Object.assign(headers, { 'x-github-event': event, 'x-github-delivery': id, 'x-github-hook-id': '109948940' });
    if (secret) headers['x-hub-signature-256'] = `sha256=${hmac(secret)}`;
  } else if (host === 'gitea') {
    // Gitea also sends GitHub's and Gogs' header names
    Object.assign(headers, { 'x-gitea-event': event, 'x-gitea-delivery': id, 'x-github-event': event });
    if (secret) headers['x-gitea-signature'] = hmac(secret);
  } else {
    Object.assign(headers, {
      'x-gitlab-event': event,
      'x-gitlab-event-uuid': id,
      'x-gitlab-instance': 'https://gitlab.example.com',
    });
    if (secret) headers['x-gitlab-token'] = secret;
  }
  return { path: `/webhooks/${host}`, headers, body };
}
