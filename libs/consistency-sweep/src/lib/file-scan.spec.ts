// Which files the sweep reads, in which order, under which names.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TempDirs, writeText } from '../testing/sweep-fixtures';
import { listWorkplanFiles, readWorkplanFile, sha256 } from './file-scan';

describe('listWorkplanFiles / readWorkplanFile', () => {
  const dirs = new TempDirs();
  afterAll(() => dirs.cleanup());

  it('lists *.md under the folder recursively, sorted, repo-relative with forward slashes', async () => {
    const root = dirs.make();
    for (const path of ['plans/b.md', 'plans/a.md', 'plans/sub/deep/c.md', 'plans/notes.txt', 'other/x.md']) {
      writeText(root, path, path);
    }
    symlinkSync(join(root, 'other'), join(root, 'plans', 'linked'));
    expect(await listWorkplanFiles(root, 'plans')).toEqual(['plans/a.md', 'plans/b.md', 'plans/sub/deep/c.md']);
    expect(await listWorkplanFiles(root, './plans/')).toEqual(['plans/a.md', 'plans/b.md', 'plans/sub/deep/c.md']);
  });

  it('treats a missing folder as empty and hashes the bytes', async () => {
    const root = dirs.make();
    expect(await listWorkplanFiles(root, 'workplans')).toEqual([]);
    writeText(root, 'workplans/x.md', 'héllo\n');
    const file = await readWorkplanFile(root, 'workplans/x.md');
    expect(file).toMatchObject({ path: 'workplans/x.md', text: 'héllo\n', absolutePath: join(root, 'workplans/x.md') });
    expect(file.hash).toBe(sha256(Buffer.from('héllo\n', 'utf8')));
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
