// Turns a signed delivery from a git host into org.repo.commit.pushed for every
// active registered repo whose remote_url names the pushed repository, in one
// transaction with the delivery's id (a redelivery emits nothing new). Delivery ids older than
// WEBHOOK_DELIVERY_RETENTION_DAYS are deleted as a new delivery is recorded, so the table stays small.
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RepoEntity, WebhookDeliveryEntity } from '@state-hub/db';
import { BadRequestError } from '@state-hub/nest-http';
import type { IncomingHttpHeaders } from 'node:http';
import { type EntityManager, IsNull, Not } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { type StateChange, StateChangeRunner } from '../database/state-change.runner';
import { type PushedCommit, ReposService } from '../repos/repos.service';
import { WebhookResultView } from './dto/webhook-result.view';
import type { WebhookHostSpec } from './hosts/webhook-host';
import { checkPush } from './push-check';
import { remoteKey } from './remote-url';
import { parseWebhookJson } from './webhook-body';

/** A delivery whose signature already checked out. */
export interface SignedDelivery {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const DELIVERY_ID = /^[\x21-\x7e]{1,200}$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function deliveryIdOf(spec: WebhookHostSpec, headers: IncomingHttpHeaders): string {
  const name = spec.deliveryHeaders.find((h) => header(headers, h) !== undefined);
  const id = name ? header(headers, name) : undefined;
  const names = spec.deliveryHeaders.join(' or ');
  if (!name || id === undefined) throw new BadRequestError(`missing ${names} header: the delivery id`, names);
  if (!DELIVERY_ID.test(id)) {
    throw new BadRequestError(`${name} must be 1-200 printable ASCII characters without spaces`, name);
  }
  return id;
}

@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  private readonly retentionDays: number;

  constructor(
    private readonly changes: StateChangeRunner,
    private readonly repos: ReposService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.retentionDays = config.get('WEBHOOK_DELIVERY_RETENTION_DAYS', { infer: true });
  }

  async receive(spec: WebhookHostSpec, delivery: SignedDelivery): Promise<WebhookResultView> {
    const event = header(delivery.headers, spec.eventHeader);
    if (event === undefined) throw new BadRequestError(`missing ${spec.eventHeader} header`, spec.eventHeader);
    const kind = spec.kindOf(event);
    const payload = parseWebhookJson(delivery.body, header(delivery.headers, 'content-type'), spec.label);
    const base = { host: spec.host, event: event.slice(0, 100) };
    if (kind === 'ping') return WebhookResultView.of({ ...base, outcome: 'pong' });
    if (kind === 'other') {
      const reason = `${spec.label} event '${base.event}' is not a push: only pushes are recorded`;
      return WebhookResultView.of({ ...base, outcome: 'ignored', reason });
    }
    const deliveryId = deliveryIdOf(spec, delivery.headers);
    const push = spec.readPush(payload);
    const verdict = checkPush(push);
    if (verdict.kind === 'ignored') {
      return WebhookResultView.of({ ...base, delivery_id: deliveryId, outcome: 'ignored', reason: verdict.reason });
    }
    const result = await this.changes.run((change) =>
      this.record(change, spec, deliveryId, push.repoUrls, verdict.commit),
    );
    const view = WebhookResultView.of({ ...base, delivery_id: deliveryId, ...result });
    this.logger.log(
      { host: spec.host, delivery_id: deliveryId, outcome: view.outcome, repos: view.repos, event_ids: view.event_ids },
      `${spec.label} push ${deliveryId} of ${verdict.commit.ref} at ${verdict.commit.sha.slice(0, 12)}: ${view.outcome}`,
    );
    return view;
  }

  private async record(
    change: StateChange,
    spec: WebhookHostSpec,
    deliveryId: string,
    urls: string[],
    commit: PushedCommit,
  ): Promise<Pick<WebhookResultView, 'outcome' | 'reason' | 'repos' | 'event_ids'>> {
    const repos = await matchingRepos(change.manager, urls);
    if (repos.length === 0) {
      const named = urls.length ? [...new Set(urls.map((u) => remoteKey(u)))].join(', ') : 'no repository URL';
      return {
        outcome: 'ignored',
        reason: `no active registered repo has a remote_url matching ${named}`,
        repos: [],
        event_ids: [],
      };
    }
    // Ids past their retention go first: a redelivery of one of them is then recorded again, as documented.
    await change.manager.query(`DELETE FROM webhook_deliveries WHERE received_at < now() - make_interval(days => $1)`, [
      this.retentionDays,
    ]);
    const inserted = await change.manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDeliveryEntity)
      .values({
        host: spec.host,
        delivery_id: deliveryId,
        ref: commit.ref,
        sha: commit.sha,
        repo_slugs: repos.map((r) => r.slug),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      const reason = `${spec.label} delivery ${deliveryId} was recorded before: nothing emitted again`;
      return { outcome: 'duplicate', reason, repos: [], event_ids: [] };
    }
    const events = [];
    for (const repo of repos) events.push(await this.repos.recordCommitOn(change, repo.slug, commit));
    return { outcome: 'recorded', reason: null, repos: repos.map((r) => r.slug), event_ids: events.map((e) => e.id) };
  }
}

/** Active repos whose remote_url names one of `urls` (normalised: see remote-url.ts), by slug. */
async function matchingRepos(manager: EntityManager, urls: string[]): Promise<RepoEntity[]> {
  const keys = new Set(urls.map(remoteKey).filter((k): k is string => k !== null));
  if (keys.size === 0) return [];
  const candidates = await manager.find(RepoEntity, {
    where: { status: 'active', remote_url: Not(IsNull()) },
    order: { slug: 'ASC' },
  });
  return candidates.filter((repo) => keys.has(remoteKey(repo.remote_url ?? '') ?? ''));
}
