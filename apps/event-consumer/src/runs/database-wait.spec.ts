// The wait for an unavailable database: retries only outages, beats while it
// waits, gives up after its limit or on shutdown with the database's error.
import { untilDatabaseAnswers } from './database-wait';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('untilDatabaseAnswers', () => {
  it('retries while the database refuses connections, beating each time, then returns the answer', async () => {
    let calls = 0;
    const beats: number[] = [];
    const result = await untilDatabaseAnswers(
      async () => {
        calls++;
        if (calls < 4) throw refused();
        return 'recorded';
      },
      { maxWaitMs: 10_000, heartbeat: () => beats.push(calls) },
    );
    expect(result).toBe('recorded');
    expect(calls).toBe(4);
    expect(beats).toEqual([1, 2, 3]);
  });

  it('does not retry an error that is not an outage', async () => {
    let calls = 0;
    const bug = new Error('column "nope" does not exist');
    await expect(
      untilDatabaseAnswers(
        async () => {
          calls++;
          throw bug;
        },
        { maxWaitMs: 10_000, heartbeat: () => undefined },
      ),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it('gives up with the database error once its limit has passed', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      untilDatabaseAnswers(
        async () => {
          calls++;
          throw refused();
        },
        { maxWaitMs: 600, heartbeat: () => undefined },
      ),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toBeGreaterThan(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops waiting at once on shutdown', async () => {
    const shutdown = new AbortController();
    const waiting = untilDatabaseAnswers(
      async () => {
        throw refused();
      },
      { maxWaitMs: 60_000, heartbeat: () => undefined, signal: shutdown.signal, onRetry: () => shutdown.abort() },
    );
    await expect(waiting).rejects.toThrow(/ECONNREFUSED/);
  });
});
