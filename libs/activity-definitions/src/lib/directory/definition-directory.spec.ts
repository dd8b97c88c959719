import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cronDefinitionText as definition } from '../../testing/definition-fixtures';
import { DefinitionDirectory } from './definition-directory';
import type { DefinitionStatus } from './definition-status';

const ENV = { STATE_HUB_URL: 'http://hub:3000' };

describe('DefinitionDirectory', () => {
  let dir: string;
  let directory: DefinitionDirectory | undefined;
  const file = (name: string) => join(dir, name);
  const write = (name: string, text: string) => writeFileSync(file(name), text);
  const status = (name: string): DefinitionStatus | undefined =>
    directory?.list().find((s) => s.sourcePath === file(name));
  const activeIds = () =>
    directory
      ?.active()
      .map((d) => d.id)
      .sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activity-definitions-'));
  });

  afterEach(async () => {
    await directory?.close();
    directory = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every definition; a broken file does not stop the others', async () => {
    write('a.yaml', definition('team.a'));
    write('b.yml', definition('team.b'));
    write('c.yaml', 'id: team.c\ntrigger: [oops\n');
    write('d.yaml', definition('team.d', 'enabled: false\n'));
    write('notes.txt', 'not a definition');
    write('.e.yaml.swp', 'editor junk');
    write('activity-definition.schema.json', '{}');
    directory = new DefinitionDirectory(dir, { env: ENV });
    await directory.load();
    expect(directory.list().map((s) => [s.sourcePath.slice(dir.length + 1), s.state])).toEqual([
      ['a.yaml', 'loaded'],
      ['b.yml', 'loaded'],
      ['c.yaml', 'invalid'],
      ['d.yaml', 'disabled'],
    ]);
    expect(activeIds()).toEqual(['team.a', 'team.b']);
    expect(status('c.yaml')?.errors[0]).toMatchObject({ path: file('c.yaml'), line: expect.any(Number) });
    expect(status('a.yaml')?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the id an invalid file asks for, when its YAML is readable', async () => {
    write('e.yaml', definition('team.e').replace('POST', 'FETCH'));
    directory = new DefinitionDirectory(dir, { env: ENV });
    await directory.load();
    expect(status('e.yaml')).toMatchObject({ id: 'team.e', state: 'invalid', errors: [{ line: 7, column: 11 }] });
    expect(status('e.yaml')?.active).toBeUndefined();
  });

  it('reports duplicate ids on the later file, at its id line', async () => {
    write('a.yaml', definition('team.same'));
    write('b.yaml', `# second\n${definition('team.same')}`);
    directory = new DefinitionDirectory(dir, { env: ENV });
    await directory.load();
    expect(status('a.yaml')?.state).toBe('loaded');
    expect(status('b.yaml')).toMatchObject({
      state: 'invalid',
      errors: [
        {
          path: file('b.yaml'),
          line: 2,
          column: 5,
          message: `id: "team.same" is already defined in ${file('a.yaml')}`,
        },
      ],
    });
    expect(activeIds()).toEqual(['team.same']);
  });

  it('rejects load() when the directory does not exist', async () => {
    directory = new DefinitionDirectory(join(dir, 'missing'), { env: ENV });
    await expect(directory.load()).rejects.toThrow(/cannot read definitions directory .*missing/);
  });
});
