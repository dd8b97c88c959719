// The wait for an unavailable database: retries only outages, beats while it
// waits, gives up after its limit or on shutdown with the database's error.
import { untilDatabaseAnswers } from './database-wait';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('untilDatabaseAnswers', () => {
  it('retries while the database refuses connections, then returns the answer', async () => {
    let calls = 0;
    const pauses: number[] = [];
    const result = await untilDatabaseAnswers(
      async () => {
        calls++;
        if (calls < 4) throw refused();
        return 'recorded';
      },
      { maxWaitMs: 10_000, onRetry: (attempt, delayMs) => pauses.push(delayMs) },
    );
    expect(result).toBe('recorded');
    expect(calls).toBe(4);
    expect(pauses).toEqual([250, 500, 1000]); // doubling, from 250 ms
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
        { maxWaitMs: 10_000 },
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
        { maxWaitMs: 600 },
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
      { maxWaitMs: 60_000, signal: shutdown.signal, onRetry: () => shutdown.abort() },
    );
    await expect(waiting).rejects.toThrow(/ECONNREFUSED/);
  });
});
