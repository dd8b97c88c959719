import { ConflictError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepoEntity } from '@state-hub/db';
import { DataSource, type EntityManager } from 'typeorm';
import { findDomainBySlug, findRepoBySlug, notFound } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { queryRows, whereAll } from '../database/plain-sql';
import { type StateChange, StateChangeRunner } from '../database/state-change.runner';
import type { EventEnvelope } from '@state-hub/envelope';
import type { ChangeStatement } from '@state-hub/outbox';
import { type AttributesOf, SUBJECTS } from '@state-hub/subjects';
import {
  type CommitReportView,
  type ListReposQueryDto,
  type RegisterRepoDto,
  RepoView,
  type ReportCommitDto,
  type UpdateRepoDto,
} from './dto/repo.dto';

/** A commit pushed to a repo: org.repo.commit.pushed's attributes but the repo. */
export type PushedCommit = Omit<AttributesOf<typeof SUBJECTS.commitPushed>, 'repo_slug'>;

/**
 * A commit as its repo's last one: the one statement both ways of reporting a commit write (a hook's report, alone;
 * a push webhook's, for each repo it names in one transaction). updated_at as @UpdateDateColumn sets it.
 */
function lastCommitOf(slug: string, commit: { sha: string; ref: string }, at: Date): ChangeStatement {
  return {
    sql: `UPDATE repos SET last_commit_sha = $2, last_commit_ref = $3, last_commit_at = $4, updated_at = now()
           WHERE slug = $1 RETURNING id`,
    params: [slug, commit.sha, commit.ref, at],
  };
}

/** A repo row as RepoView, its domain's slug joined in as `d` (column order as in RepoView). */
const REPO_COLUMNS = `r.id, r.slug, r.name, d.slug AS domain, r.domain_id, r.remote_url, r.local_path, r.default_branch,
  r.status, r.last_synced_at, r.last_commit_sha, r.last_commit_ref, r.last_commit_at, r.created_at, r.updated_at`;

@Injectable()
export class ReposService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  register(dto: RegisterRepoDto): Promise<RepoView> {
    return this.changes.run(async ({ manager, emit }) => {
      const domain = await findDomainBySlug(manager, dto.domain, 'domain', 'body');
      if (await manager.existsBy(RepoEntity, { slug: dto.slug })) {
        throw new ConflictError(`repo '${dto.slug}' is already registered`, 'slug');
      }
      const repo = await manager.save(
        manager.create(RepoEntity, {
          slug: dto.slug,
          name: dto.name,
          domain_id: domain.id,
          remote_url: dto.remote_url ?? null,
          local_path: dto.local_path ?? null,
          default_branch: dto.default_branch ?? 'main',
        }),
      );
      await emit(SUBJECTS.repoRegistered, {
        repo_id: repo.id,
        repo_slug: repo.slug,
        name: repo.name,
        domain: domain.slug,
        remote_url: repo.remote_url,
        local_path: repo.local_path,
        default_branch: repo.default_branch,
      });
      return RepoView.from({ ...repo, domain });
    });
  }

  /** Records a commit a repo's git hook reported and announces it (org.repo.commit.pushed). */
  async recordCommit(slug: string, dto: ReportCommitDto): Promise<CommitReportView> {
    // Every git hook calls this, and every report on a repo waits for that repo's row: one statement updates the
    // row and writes the event (no BEGIN, lookup or COMMIT round trips), so the lock is held only inside Postgres.
    const { rows, event } = await this.changes.runStatement(
      lastCommitOf(slug, dto, new Date()),
      SUBJECTS.commitPushed,
      { repo_slug: slug, ref: dto.ref, sha: dto.sha },
    );
    if (rows.length === 0) throw notFound(`repo '${slug}'`, 'slug', 'path');
    return { repo: slug, ref: dto.ref, sha: dto.sha, event_id: event.id };
  }

  /**
   * Records `commit` as the repo's last one and emits org.repo.commit.pushed, inside the caller's state
   * change: a git host's push webhook, for each repo it names. A hook's report (recordCommit above) writes the
   * same statement and the same event, in one round trip.
   */
  async recordCommitOn(change: StateChange, slug: string, commit: PushedCommit): Promise<EventEnvelope> {
    // The event first and the repo's row last: every report on a repo waits for that row's lock, which a report on
    // one repo then holds from this UPDATE to the commit, not across its outbox write as well.
    const event = await change.emit(SUBJECTS.commitPushed, { repo_slug: slug, ...commit });
    const { sql, params } = lastCommitOf(slug, commit, new Date());
    await queryRows(change.manager, sql, params);
    return event;
  }

  update(slug: string, dto: UpdateRepoDto): Promise<RepoView> {
    return this.changes.run(async ({ manager }) => {
      const repo = await findRepoBySlug(manager, slug, 'slug');
      Object.assign(repo, dto);
      await manager.save(repo);
      return this.view(manager, repo.slug);
    });
  }

  get(slug: string): Promise<RepoView> {
    return this.view(this.db.manager, slug);
  }

  /** One round trip: the page and the total (window count) with the domain slug joined in. */
  async list(query: ListReposQueryDto): Promise<Page<RepoView>> {
    const domainId = query.domain ? (await findDomainBySlug(this.db.manager, query.domain)).id : undefined;
    const params: unknown[] = [];
    const where = whereAll(params, [
      query.status !== undefined && ['r.status = ?', query.status],
      domainId !== undefined && ['r.domain_id = ?', domainId],
    ]);
    const rows = await queryRows<RepoView & { total: string }>(
      this.db,
      `SELECT ${REPO_COLUMNS}, count(*) OVER () AS total
       FROM repos r INNER JOIN domains d ON d.id = r.domain_id ${where}
       ORDER BY r.slug ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    // a page past the end has no row to carry the window count
    const total =
      rows.length > 0
        ? Number(rows[0].total)
        : Number((await queryRows<{ n: string }>(this.db, `SELECT count(*) AS n FROM repos r ${where}`, params))[0].n);
    return page(
      rows.map(({ total: _total, ...repo }) => repo),
      total,
      query,
    );
  }

  private async view(db: EntityManager, slug: string): Promise<RepoView> {
    const [repo] = await queryRows<RepoView>(
      db,
      `SELECT ${REPO_COLUMNS} FROM repos r INNER JOIN domains d ON d.id = r.domain_id WHERE r.slug = $1`,
      [slug],
    );
    if (!repo) throw new NotFoundError(`repo '${slug}' not found`, 'slug');
    return repo;
  }
}
