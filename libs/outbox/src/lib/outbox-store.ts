// The relay's queries over event_outbox. Claims are leases: a claimed row is
// invisible to other relays until its lease ends, and no transaction stays
// open while we talk to NATS.
import type { OutboxDb } from './outbox-db';

export interface ClaimedEvent {
  id: string;
  subject: string;
  envelope: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  /** The claim's lease end as Postgres wrote it: the same for every row of one claim, and a fence for releasing. */
  lease: string;
}

export interface OutboxStats {
  pending: number;
  oldest_pending_age_seconds: number | null;
  published_last_hour: number;
  last_error: { event_id: string; message: string; at: Date; attempts: number } | null;
}

/**
 * Leases up to $1 due rows, oldest first, for $2 ms; rows locked or leased by another relay are skipped.
 * UPDATE … RETURNING gives rows in no particular order: they are re-sorted so a batch goes out in commit order.
 */
export const CLAIM_SQL = `WITH claimed AS (
   UPDATE event_outbox o
      SET claimed_until = now() + make_interval(secs => $2::double precision / 1000)
    WHERE o.id IN (
      SELECT id FROM event_outbox
       WHERE published_at IS NULL
         AND next_attempt_at <= now()
         AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY created_at, id
       LIMIT $1
       FOR UPDATE SKIP LOCKED)
  RETURNING o.id, o.subject, o.envelope, o.attempts, o.created_at, o.claimed_until::text AS lease)
SELECT * FROM claimed ORDER BY created_at, id`;

export class OutboxStore {
  constructor(private readonly db: OutboxDb) {}

  /** Takes up to `limit` due rows, oldest first; rows locked or leased by another relay are skipped. */
  async claim(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
    return this.db.query<ClaimedEvent>(CLAIM_SQL, [limit, leaseMs]);
  }

  /** Keeps a claimed row off other relays for another `leaseMs` (its delivery is still being worked on). */
  async extendLease(id: string, leaseMs: number): Promise<void> {
    await this.db.query(
      `UPDATE event_outbox SET claimed_until = now() + make_interval(secs => $2::double precision / 1000)
        WHERE id = $1 AND published_at IS NULL`,
      [id, leaseMs],
    );
  }

  /**
   * Frees the leases of rows one claim took, which this relay will not publish now. A row whose lease has run out
   * and that another relay claimed since (its lease is no longer ours) is left alone.
   */
  async release(rows: ClaimedEvent[]): Promise<void> {
    const byLease = new Map<string, string[]>();
    for (const row of rows) {
      const ids = byLease.get(row.lease);
      if (ids) ids.push(row.id);
      else byLease.set(row.lease, [row.id]);
    }
    for (const [lease, ids] of byLease) {
      await this.db.query(
        `UPDATE event_outbox SET claimed_until = NULL
          WHERE id = ANY($1::uuid[]) AND claimed_until = $2::timestamptz AND published_at IS NULL`,
        [ids, lease],
      );
    }
  }

  /** Frees every lease: for a database only this process uses, after a crash left rows claimed. */
  async releaseLeases(): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE event_outbox SET claimed_until = NULL
        WHERE published_at IS NULL AND claimed_until IS NOT NULL RETURNING id`,
    );
    return rows.length;
  }

  /** Marks rows published; a row already marked (a retried mark whose first answer was lost) is left alone. */
  async markPublished(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE event_outbox
          SET published_at = now(), claimed_until = NULL, last_attempt_at = now(), attempts = attempts + 1
        WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
      [ids],
    );
  }

  async markFailed(id: string, error: string, retryInMs: number): Promise<void> {
    await this.db.query(
      `UPDATE event_outbox
          SET attempts = attempts + 1, last_error = $2, last_attempt_at = now(), claimed_until = NULL,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = $1 AND published_at IS NULL`,
      [id, error.slice(0, 2000), retryInMs],
    );
  }

  /** Deletes published rows older than the retention; bounded per call. */
  async prunePublished(retentionMs: number, limit = 5000): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `DELETE FROM event_outbox WHERE id IN (
         SELECT id FROM event_outbox
          WHERE published_at IS NOT NULL
            AND published_at < now() - make_interval(secs => $1::double precision / 1000)
          LIMIT $2)
       RETURNING id`,
      [retentionMs, limit],
    );
    return rows.length;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL`,
    );
    return row.n;
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.db.query<{ pending: number; oldest: number | null; published_last_hour: number }>(
      `SELECT
         (SELECT count(*)::int FROM event_outbox WHERE published_at IS NULL) AS pending,
         (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM event_outbox WHERE published_at IS NULL) AS oldest,
         (SELECT count(*)::int FROM event_outbox WHERE published_at > now() - interval '1 hour') AS published_last_hour`,
    );
    const [err] = await this.db.query<{ id: string; last_error: string; last_attempt_at: Date; attempts: number }>(
      `SELECT id, last_error, last_attempt_at, attempts FROM event_outbox
        WHERE last_error IS NOT NULL AND published_at IS NULL
        ORDER BY last_attempt_at DESC LIMIT 1`,
    );
    return {
      pending: row.pending,
      oldest_pending_age_seconds: row.oldest === null ? null : Math.round(row.oldest * 1000) / 1000,
      published_last_hour: row.published_last_hour,
      last_error: err
        ? { event_id: err.id, message: err.last_error, at: err.last_attempt_at, attempts: err.attempts }
        : null,
    };
  }
}
