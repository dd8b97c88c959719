// Wakes the relay when another process commits outbox rows: a dedicated Postgres
// connection LISTENs on the outbox channel and reconnects after an outage.
// (This process's own commits wake its relay in-process, and send no NOTIFY while
// it publishes. The embedded database has one connection and one process, so it
// relies on the in-process wake-up and polling alone.)
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from './outbox-writer';

export interface OutboxListener {
  close(): Promise<void>;
}

export function listenForOutboxCommits(
  url: string,
  onCommit: () => void,
  logger: { warn(message: string): void },
  retryMs = 2000,
): OutboxListener {
  let client: Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const c = new Client({ connectionString: url });
    c.on('notification', () => onCommit());
    c.on('error', (err) => {
      logger.warn(`outbox LISTEN connection failed: ${err.message}; reconnecting`);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
      onCommit(); // rows may have been committed while we were not listening
    } catch (err) {
      logger.warn(`cannot LISTEN for outbox commits: ${(err as Error).message}; retrying in ${retryMs} ms`);
      await c.end().catch(() => undefined);
      retry();
    }
  };
  const retry = () => {
    const old = client;
    client = undefined;
    void old?.end().catch(() => undefined);
    if (!closed && !timer) {
      timer = setTimeout(() => {
        timer = undefined;
        void connect();
      }, retryMs);
      timer.unref();
    }
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
