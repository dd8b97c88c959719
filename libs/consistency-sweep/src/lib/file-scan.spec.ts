// Which files the sweep reads, in which order, under which names.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempDirs, writeText } from '../testing/sweep-fixtures';
import { invalidUtf8Line, isInside, listWorkplanFiles, readWorkplanFile, sha256, workplanBase } from './file-scan';

describe('listWorkplanFiles / readWorkplanFile', () => {
  const dirs = new TempDirs();
  afterAll(() => dirs.cleanup());

  it('lists *.md under the folder recursively, sorted, repo-relative with forward slashes', async () => {
    const root = dirs.make();
    for (const path of ['plans/b.md', 'plans/a.md', 'plans/sub/deep/c.md', 'plans/notes.txt', 'other/x.md']) {
      writeText(root, path, path);
    }
    symlinkSync(join(root, 'other'), join(root, 'plans', 'linked'));
    symlinkSync(join(root, 'plans/notes.txt'), join(root, 'plans', 'notes-link.txt'));
    const listing = {
      paths: ['plans/a.md', 'plans/b.md', 'plans/sub/deep/c.md'],
      warnings: ['plans/linked: symbolic link not followed'],
    };
    expect(await listWorkplanFiles(root, 'plans')).toEqual(listing);
    expect(await listWorkplanFiles(root, './plans/')).toEqual(listing);
  });

  it('treats a missing folder as empty and hashes the bytes', async () => {
    const root = dirs.make();
    expect(await listWorkplanFiles(root, 'workplans')).toEqual({ paths: [], warnings: [] });
    writeText(root, 'workplans/x.md', 'héllo\n');
    const file = await readWorkplanFile(root, 'workplans/x.md');
    expect(file).toMatchObject({ path: 'workplans/x.md', text: 'héllo\n', absolutePath: join(root, 'workplans/x.md') });
    expect(invalidUtf8Line(file)).toBeUndefined();
    expect(file.hash).toBe(sha256(Buffer.from('héllo\n', 'utf8')));
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the first line that is not valid UTF-8', async () => {
    const root = dirs.make();
    writeText(root, 'w/x.md', '');
    writeFileSync(
      join(root, 'w/x.md'),
      Buffer.concat([Buffer.from('ok\nstill ok é\n'), Buffer.from([0x63, 0xe9, 0x0a])]),
    );
    expect(invalidUtf8Line(await readWorkplanFile(root, 'w/x.md'))).toBe(3);
    writeFileSync(join(root, 'w/x.md'), Buffer.from([0xff]));
    expect(invalidUtf8Line(await readWorkplanFile(root, 'w/x.md'))).toBe(1);
  });

  it('normalises the folder setting', () => {
    expect(['workplans', './workplans/', 'workplans\\', '.', './', ''].map(workplanBase)).toEqual([
      'workplans',
      'workplans',
      'workplans',
      '',
      '',
      '',
    ]);
  });

  it('knows what is inside a folder', () => {
    expect(isInside('/r', '/r')).toBe(true);
    expect(isInside('/r', '/r/workplans/..plans')).toBe(true);
    expect(isInside('/r', '/r/..plans')).toBe(true);
    expect(isInside('/r', '/')).toBe(false);
    expect(isInside('/r', '/r2/workplans')).toBe(false);
    expect(isInside('/r', '/other')).toBe(false);
  });
});
