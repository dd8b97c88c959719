// Postgres advisory locks that keep sweeps apart across replicas: one global
// lock for a whole sweep, one per repo (taken by the sweep and by a one-repo
// sync). Session-level locks live as long as the connection that took them,
// so the caller holds one QueryRunner for the whole run.
//
// On PGlite every "connection" is the same backend session, where advisory
// locks are re-entrant and exclude nothing; an in-process registry per data
// source gives the same exclusion there (and is harmless on a server).
import type { DataSource, QueryRunner } from 'typeorm';

/** First key of the two-int lock space: "consistency sweep, global". */
export const SWEEP_LOCK_NAMESPACE = 0x5eed_0001;
/** Second key of the global sweep lock. */
export const SWEEP_GLOBAL_LOCK_KEY = 0;
/** First key of per-repo locks; the second is `hashtext(repo id)`. */
export const REPO_LOCK_NAMESPACE = 0x5eed_0002;

const POLL_MS = 100;

const heldInProcess = new WeakMap<DataSource, Set<string>>();

export interface AdvisoryLock {
  namespace: number;
  /** A 32-bit key, or a text hashed by Postgres (`hashtext`). */
  key: number | string;
}

export const globalSweepLock = (): AdvisoryLock => ({ namespace: SWEEP_LOCK_NAMESPACE, key: SWEEP_GLOBAL_LOCK_KEY });
export const repoLock = (repoId: string): AdvisoryLock => ({ namespace: REPO_LOCK_NAMESPACE, key: repoId });

const id = (lock: AdvisoryLock) => `${lock.namespace}:${lock.key}`;
const keySql = (lock: AdvisoryLock) => (typeof lock.key === 'number' ? '$2::int' : 'hashtext($2::text)');

function registry(runner: QueryRunner): Set<string> {
  let set = heldInProcess.get(runner.connection);
  if (!set) {
    set = new Set();
    heldInProcess.set(runner.connection, set);
  }
  return set;
}

/** Takes the lock on the runner's session if nobody holds it; never waits. */
export async function tryLock(runner: QueryRunner, lock: AdvisoryLock): Promise<boolean> {
  const held = registry(runner);
  if (held.has(id(lock))) return false;
  held.add(id(lock)); // claim first: two callers in this process must not both pass the check
  try {
    const rows: { ok: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock($1::int, ${keySql(lock)}) AS ok`, [
      lock.namespace,
      lock.key,
    ]);
    if (rows[0]?.ok === true) return true;
    held.delete(id(lock));
    return false;
  } catch (err) {
    held.delete(id(lock));
    throw err;
  }
}

/** Tries the lock until it is free or `waitSeconds` have passed. */
export async function waitForLock(runner: QueryRunner, lock: AdvisoryLock, waitSeconds: number): Promise<boolean> {
  const deadline = Date.now() + Math.max(0, waitSeconds) * 1000;
  for (;;) {
    if (await tryLock(runner, lock)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
  }
}

export async function unlock(runner: QueryRunner, lock: AdvisoryLock): Promise<void> {
  try {
    if (!runner.isReleased) {
      await runner.query(`SELECT pg_advisory_unlock($1::int, ${keySql(lock)})`, [lock.namespace, lock.key]);
    }
  } finally {
    registry(runner).delete(id(lock));
  }
}
