// The locks that keep sweeps apart: one global lock for a whole sweep, one per
// repo (taken by the sweep and by a one-repo sync). Two layers:
// - an in-process registry per data source, claimed FIRST, before any
//   connection is taken, so a second sweep in the same process answers
//   `skipped_lock` at once instead of queueing for a connection;
// - on a Postgres server, a session-level advisory lock that keeps replicas
//   apart; it lives as long as the connection that took it, so the caller
//   holds that connection for the run (see sweep-session.ts). PGlite is one
//   backend session, where advisory locks exclude nothing: the registry alone
//   is the lock there.
import type { DataSource, QueryRunner } from 'typeorm';

/** First key of the two-int lock space: "consistency sweep, global". */
export const SWEEP_LOCK_NAMESPACE = 0x5eed_0001;
/** Second key of the global sweep lock. */
export const SWEEP_GLOBAL_LOCK_KEY = 0;
/** First key of per-repo locks; the second is `hashtext(repo id)`. */
export const REPO_LOCK_NAMESPACE = 0x5eed_0002;

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

function registry(dataSource: DataSource): Set<string> {
  let set = heldInProcess.get(dataSource);
  if (!set) {
    set = new Set();
    heldInProcess.set(dataSource, set);
  }
  return set;
}

/** Claims the lock in this process if nobody here holds it; synchronous, so two callers cannot both pass. */
export function claimInProcess(dataSource: DataSource, lock: AdvisoryLock): boolean {
  const held = registry(dataSource);
  if (held.has(id(lock))) return false;
  held.add(id(lock));
  return true;
}

export function releaseInProcess(dataSource: DataSource, lock: AdvisoryLock): void {
  registry(dataSource).delete(id(lock));
}

/** Takes the server's session-level advisory lock on the runner's connection if free; never waits. */
export async function tryServerLock(runner: QueryRunner, lock: AdvisoryLock): Promise<boolean> {
  const rows: { ok: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock($1::int, ${keySql(lock)}) AS ok`, [
    lock.namespace,
    lock.key,
  ]);
  return rows[0]?.ok === true;
}

export async function serverUnlock(runner: QueryRunner, lock: AdvisoryLock): Promise<void> {
  await runner.query(`SELECT pg_advisory_unlock($1::int, ${keySql(lock)})`, [lock.namespace, lock.key]);
}
