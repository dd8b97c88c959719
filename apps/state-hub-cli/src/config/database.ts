// Opens the database named by DATABASE_URL for an in-process run (migrated,
// like the API does) and always closes it again.
import { closeDataSource, describeDatabase, openDataSource } from '@state-hub/db';
import type { DataSource } from 'typeorm';
import { CommandFailure } from '../cli/cli-errors';

export async function withDatabase<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  // dataDir is ignored with a URL: the CLI never opens the embedded database the API holds.
  const config = { url, dataDir: '' };
  let ds: DataSource;
  try {
    ds = await openDataSource(config);
  } catch (err) {
    throw new CommandFailure(`cannot open ${describeDatabase(config)}: ${(err as Error).message}`);
  }
  try {
    return await work(ds);
  } finally {
    await closeDataSource(ds);
  }
}
