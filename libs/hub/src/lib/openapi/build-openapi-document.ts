// The hub's OpenAPI document: served at /docs and /docs-json (configure-app.ts)
// and written to libs/hub-client/openapi.json (write-openapi.ts), from this one place.
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument } from '@state-hub/nest-http';
import { APP_VERSION } from '../version';
import { addWebhookSecuritySchemes } from '../webhooks/webhook-openapi';

export const HUB_TAGS = {
  health: 'Liveness of the hub and its database, and Prometheus metrics',
  domains: 'Domains: the areas of the organisation that own repos, decisions and goals',
  repos: 'Registered git repos, the commits their hooks report, and their workplan files',
  workstreams: 'Workstreams: one per workplan file, with its lifecycle status',
  tasks: 'Tasks of a workstream, moved along their lifecycle',
  decisions: 'Decisions a domain has to take, and their resolution',
  'domain-goals': 'Goals of a domain, from proposed to active',
  'progress-events': 'The progress log: what happened, when, by whom',
  'next-steps': 'What to work on next',
  consistency: 'The consistency sweep that reconciles workplan files with the database, and its history',
  maintenance: 'Housekeeping runs such as the stale-task cleanup',
  events: 'The transactional outbox that feeds lifecycle events to NATS JetStream',
  webhooks: "Push webhooks from git hosts (GitHub, Gitea, GitLab), authenticated by the host's signature",
} as const;

export type HubTag = keyof typeof HUB_TAGS;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = createOpenApiDocument(app, {
    title: 'State Hub API',
    description:
      'Read model of repos, workstreams, tasks, decisions, domain goals and progress events. Every error ' +
      'answers with the one `ErrorBodyDto`. When STATE_HUB_API_TOKEN is set, writes need it as a bearer token ' +
      "(except the git hosts' webhooks, which are signed with WEBHOOK_SECRET), and reads too when the hub runs " +
      'with API_READS_REQUIRE_TOKEN=true; the health check is always open.',
    version: APP_VERSION,
    server: { url: 'http://127.0.0.1:3000', description: 'a hub on its default HOST and PORT' },
    tags: HUB_TAGS,
    writeErrors: [
      400,
      [401, 'missing, malformed or wrong bearer token (only when STATE_HUB_API_TOKEN is set)'],
      [413, 'the request body is larger than BODY_LIMIT (default 1mb)'],
      415,
    ],
    bearer: {
      description:
        'STATE_HUB_API_TOKEN (writes; reads too with API_READS_REQUIRE_TOKEN; the webhooks use their signature instead)',
      readError: [401, 'missing, malformed or wrong bearer token (only with API_READS_REQUIRE_TOKEN=true)'],
      open: ['getHealth'],
    },
  });
  return addWebhookSecuritySchemes(document);
}
