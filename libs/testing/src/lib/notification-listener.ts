// A Postgres LISTEN connection for tests: what NOTIFYs a channel got, in commit order.
import { Client } from 'pg';
import { eventually } from './eventually';

const END = 'end of heard';

export interface NotificationListener {
  /** The payloads heard up to now, once a marker of its own has come back (notifications arrive in commit order). */
  heard(): Promise<string[]>;
  /** Forgets what was heard. */
  clear(): void;
  close(): Promise<void>;
}

/** Listens on `channel` of the database at `url` (a test on the embedded database has none: it throws). */
export async function listenForNotifications(url: string | undefined, channel: string): Promise<NotificationListener> {
  if (!url) throw new Error(`no Postgres URL to LISTEN on ${channel} with`);
  const client = new Client({ connectionString: url });
  const payloads: string[] = [];
  client.on('notification', (n) => payloads.push(n.payload ?? ''));
  await client.connect();
  try {
    await client.query(`LISTEN "${channel}"`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async heard() {
      await client.query('SELECT pg_notify($1, $2)', [channel, END]);
      await eventually(() => {
        if (payloads.at(-1) !== END) throw new Error(`the marker NOTIFY on ${channel} has not come back`);
      });
      payloads.pop();
      return [...payloads];
    },
    clear: () => void (payloads.length = 0),
    close: () => client.end(),
  };
}
