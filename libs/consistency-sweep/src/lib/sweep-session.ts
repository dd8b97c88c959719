// Where one sweep's or one sync's queries go, and how it holds its locks.
// - Postgres server: ONE dedicated connection (a QueryRunner) for the whole
//   run. Its session holds the advisory locks; every query and transaction of
//   the run goes through it, so git and file I/O hold no other connection.
// - PGlite: the pool has a single connection, and a run that held it would
//   block every API request until the end. So the run holds none: each query
//   and each file's transaction takes the connection briefly, and the
//   in-process lock registry alone is the lock (advisory locks exclude nothing
//   within PGlite's one session).
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { claimInProcess, releaseInProcess, serverUnlock, tryServerLock, type AdvisoryLock } from './advisory-lock';
import { runThenRelease } from './run-then-release';

const POLL_MS = 100;

const embedded = new WeakMap<DataSource, Promise<boolean>>();

/** True for PGlite (asked once per data source: its version string names it). */
export function isEmbedded(dataSource: DataSource): Promise<boolean> {
  let known = embedded.get(dataSource);
  if (!known) {
    known = dataSource.query('SELECT version() AS v').then((rows: { v: string }[]) => /PGlite/i.test(rows[0]?.v ?? ''));
    known.catch(() => embedded.delete(dataSource)); // ask again next time
    embedded.set(dataSource, known);
  }
  return known;
}

export class SweepSession {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly runner: QueryRunner | null,
  ) {}

  /** Takes the dedicated connection on a server; none on PGlite. */
  static async open(dataSource: DataSource): Promise<SweepSession> {
    if (await isEmbedded(dataSource)) return new SweepSession(dataSource, null);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    return new SweepSession(dataSource, runner);
  }

  /** Runs `work` in a session and closes it, without letting a failing close hide work's error. */
  static async run<T>(dataSource: DataSource, work: (session: SweepSession) => Promise<T>): Promise<T> {
    const session = await SweepSession.open(dataSource);
    return runThenRelease(
      () => work(session),
      () => session.close(),
    );
  }

  get manager(): EntityManager {
    return this.runner?.manager ?? this.dataSource.manager;
  }

  /** The server's advisory lock, for a lock already claimed in process (always true on PGlite). */
  async holdServerLock(lock: AdvisoryLock): Promise<boolean> {
    return this.runner ? tryServerLock(this.runner, lock) : true;
  }

  async releaseServerLock(lock: AdvisoryLock): Promise<void> {
    if (this.runner && !this.runner.isReleased) await serverUnlock(this.runner, lock);
  }

  /** Takes the lock if nobody holds it, never waits: the in-process claim first, then the server's lock. */
  async tryLock(lock: AdvisoryLock): Promise<boolean> {
    if (!claimInProcess(this.dataSource, lock)) return false;
    let held = false;
    try {
      held = await this.holdServerLock(lock);
      return held;
    } finally {
      if (!held) releaseInProcess(this.dataSource, lock);
    }
  }

  /** Tries the lock until it is free or `waitSeconds` have passed. */
  async waitForLock(lock: AdvisoryLock, waitSeconds: number): Promise<boolean> {
    const deadline = Date.now() + Math.max(0, waitSeconds) * 1000;
    for (;;) {
      if (await this.tryLock(lock)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
    }
  }

  async unlock(lock: AdvisoryLock): Promise<void> {
    try {
      await this.releaseServerLock(lock);
    } finally {
      releaseInProcess(this.dataSource, lock);
    }
  }

  async close(): Promise<void> {
    if (this.runner && !this.runner.isReleased) await this.runner.release();
  }
}
