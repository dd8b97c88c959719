// Follows the hub's event_outbox table (DATABASE_URL) when there is no NATS:
// every event the hub committed, in commit order as far as timestamps tell.
// Read-only: one connection, plain SELECTs, no migrations, nothing marked.
import { subjectMatches } from '@state-hub/subjects';
import { Client } from 'pg';
import { CommandFailure } from '../cli/cli-errors';
import type { EventFeed } from './event-feed';
import type { TailedMessage } from './event-line';

const POLL_MS = 300;
const PAGE = 500;
/**
 * A row's created_at is its transaction's start, so a row can appear after rows
 * younger than it: each poll reads this far back again (already shown ids are skipped).
 */
const LATE_MS = 5000;

export interface OutboxFeedOptions {
  databaseUrl: string;
  subject: string;
  since?: Date;
}

interface Row {
  id: string;
  subject: string;
  envelope: Record<string, unknown>;
  created_at: Date;
}

/** postgres://user:***@host/db: the URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** SQLSTATEs of a connection that is gone: class 08 (connection exception), 57P01–57P03 (server shut down). */
const CONNECTION_LOST = /^(08|57P0[123])/;

/** How the command's connection shows in pg_stat_activity. */
export const APPLICATION_NAME = 'state-hub events tail';

/** Connects; `lost` hears the connection's end (the query in flight, or the next one, fails as well). */
async function open(url: string, lost: (err: Error) => void): Promise<Client> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    application_name: APPLICATION_NAME,
  });
  client.on('error', lost); // unheard, the client's 'error' would end the command with a stack trace
  try {
    await client.connect();
  } catch (err) {
    throw new CommandFailure(`cannot reach the database at ${describeDatabaseUrl(url)}: ${(err as Error).message}`);
  }
  const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass('event_outbox')::text AS table`);
  if (rows[0]?.table === null) {
    await client.end();
    throw new CommandFailure(
      `no event_outbox table at ${describeDatabaseUrl(url)}: is DATABASE_URL the hub's database?`,
    );
  }
  return client;
}

export async function followOutbox(options: OutboxFeedOptions): Promise<EventFeed> {
  const where = describeDatabaseUrl(options.databaseUrl);
  let lostWith: Error | undefined;
  const client = await open(options.databaseUrl, (err) => (lostWith ??= err));
  /** One line for a failed read: a lost connection (the server restarted, the session was ended) says so. */
  const failure = (err: unknown): CommandFailure => {
    const code = (err as { code?: unknown }).code;
    if (lostWith || (typeof code === 'string' && CONNECTION_LOST.test(code))) {
      // after a lost connection the next query says only "not queryable": name the cause instead
      return new CommandFailure(
        `lost the connection to the database at ${where}: ${(lostWith ?? (err as Error)).message}`,
      );
    }
    return new CommandFailure(`reading the outbox at ${where} failed: ${(err as Error).message}`);
  };
  const start =
    options.since ??
    (await client.query<{ now: Date }>('SELECT now() AS now').then(
      ({ rows }) => rows[0].now,
      (err: unknown) => {
        throw failure(err);
      },
    ));
  const seen = new Map<string, number>();
  let closed = false;
  let wake: (() => void) | undefined;

  /** Every row from `from` on, page by page (keyset on created_at, id). */
  async function readFrom(from: Date): Promise<Row[]> {
    const rows: Row[] = [];
    let after: [Date, string] = [from, '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const page = await client.query<Row>(
        `SELECT id, subject, envelope, created_at FROM event_outbox
          WHERE (created_at, id) >= ($1, $2) ORDER BY created_at, id LIMIT ${PAGE}`,
        after,
      );
      rows.push(...page.rows.filter((r) => !(r.created_at.getTime() === after[0].getTime() && r.id === after[1])));
      if (page.rows.length < PAGE) return rows;
      const last = page.rows[page.rows.length - 1];
      after = [last.created_at, last.id];
    }
  }

  let running = false;
  let ended: Promise<void> | undefined;
  const end = () => (ended ??= client.end().catch(() => undefined));

  return {
    description: `${options.subject} in the hub's outbox at ${where} (NATS_URL unset)`,
    async *messages(): AsyncIterable<TailedMessage> {
      running = true;
      try {
        while (!closed) {
          const now = (await client.query<{ now: Date }>('SELECT now() AS now')).rows[0].now.getTime();
          const from = new Date(Math.max(start.getTime(), now - LATE_MS));
          for (const row of await readFrom(from)) {
            if (closed) return;
            if (seen.has(row.id)) continue;
            seen.set(row.id, row.created_at.getTime());
            if (subjectMatches(options.subject, row.subject)) {
              yield { subject: row.subject, payload: JSON.stringify(row.envelope) };
            }
          }
          for (const [id, at] of seen) if (at < from.getTime()) seen.delete(id);
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, POLL_MS);
          });
        }
      } catch (err) {
        if (closed) return;
        throw failure(err);
      } finally {
        await end();
      }
    },
    async close() {
      closed = true;
      wake?.();
      if (!running) await end();
    },
  };
}
