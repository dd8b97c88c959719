// `compare-sweeps`: the parallel-run comparison, in this process with
// DATABASE_URL, else from the running hub.
import { compareSweeps } from '@state-hub/consistency-sweep';
import type { DatabaseEnv, HubEnv } from '../config/cli-env';
import { withDatabase } from '../config/database';
import { ask, connectHub } from '../hub/hub-connection';
import type { Printer } from '../cli/printer';
import { type AnySweepComparison, printComparison } from './comparison-table';
import { timeWindow } from './time-window';

export interface CompareFlags {
  since: string;
  until?: string;
  json: boolean;
}

export async function runCompare(flags: CompareFlags, hub: HubEnv, db: DatabaseEnv, out: Printer): Promise<void> {
  const { since, until } = timeWindow(flags.since, flags.until);
  let comparison: AnySweepComparison;
  if (db.databaseUrl) {
    comparison = await withDatabase(db.databaseUrl, (ds) => compareSweeps(ds, since, until));
  } else {
    const query = { since: since.toISOString(), until: until.toISOString() };
    comparison = await ask(connectHub(hub.hubUrl, hub.token).GET('/consistency/sweeps/compare', { params: { query } }));
  }
  if (flags.json) out.json(comparison);
  else printComparison(comparison, out);
}
