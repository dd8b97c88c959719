// The embedded database: created on first open (in a child process, so creating it leaves no memory behind in the
// app), opened as it is afterwards, and a clear error when its directory cannot hold one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDataSource, openDataSource } from './data-source';

describe('embedded (PGlite) data directory', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'statehub-embedded-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created and migrated on first open, and keeps its rows when opened again', async () => {
    const dataDir = join(root, 'data');
    const first = await openDataSource({ dataDir });
    try {
      await first.query(`INSERT INTO domains (slug, name) VALUES ('kept', 'Kept')`);
    } finally {
      await closeDataSource(first);
    }
    const again = await openDataSource({ dataDir });
    try {
      expect(await again.query(`SELECT name FROM domains WHERE slug = 'kept'`)).toEqual([{ name: 'Kept' }]);
    } finally {
      await closeDataSource(again);
    }
  }, 60_000);

  it('names the directory when the database cannot be created there', async () => {
    const dataDir = join(root, 'occupied');
    mkdirSync(dataDir);
    // a file where the database's first folders go
    for (const name of ['base', 'global', 'pg_wal']) writeFileSync(join(dataDir, name), '');
    await expect(openDataSource({ dataDir })).rejects.toThrow(`creating the embedded database in ${dataDir} failed`);
  }, 60_000);
});
