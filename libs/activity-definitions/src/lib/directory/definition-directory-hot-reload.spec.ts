import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cronDefinitionText as definition, recordingLogger } from '../../testing/definition-fixtures';
import { eventually } from '../../testing/eventually';
import { DefinitionDirectory } from './definition-directory';
import type { DefinitionStatus } from './definition-status';

const ENV = { STATE_HUB_URL: 'http://hub:3000' };

describe('DefinitionDirectory hot reload', () => {
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

  const changes: DefinitionStatus[][] = [];
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    changes.length = 0;
    logger = recordingLogger();
    write('a.yaml', definition('team.a'));
    write('b.yaml', definition('team.b'));
    directory = new DefinitionDirectory(dir, { env: ENV, logger, watch: true, debounceMs: 30 });
    directory.on('change', (list) => changes.push(list));
    await directory.load();
    expect(changes).toHaveLength(1);
  });

  it('picks up an edit from valid to valid', async () => {
    write('a.yaml', definition('team.a', 'description: second version\n'));
    await eventually(() =>
      expect(directory?.active().find((d) => d.id === 'team.a')?.definition.description).toBe('second version'),
    );
    expect(status('a.yaml')?.state).toBe('loaded');
  });

  it('keeps the last good version active when an edit breaks the file, and reports the line', async () => {
    const before = status('a.yaml')?.active;
    write('a.yaml', definition('team.a').replace('*/15 * * * *', '*/99 * * * *'));
    await eventually(() => expect(status('a.yaml')?.state).toBe('invalid'));
    expect(status('a.yaml')).toMatchObject({
      id: 'team.a',
      errors: [
        { line: 4, column: 20, message: expect.stringContaining('trigger.cron_expression: invalid cron expression') },
      ],
      active: before,
    });
    expect(activeIds()).toEqual(['team.a', 'team.b']);
    expect(logger.lines.some((l) => l.includes('keeping the last good version of team.a running'))).toBe(true);

    write('a.yaml', definition('team.a', 'description: fixed\n'));
    await eventually(() => expect(status('a.yaml')?.state).toBe('loaded'));
    expect(status('a.yaml')?.active?.definition.description).toBe('fixed');
  });

  it('removes the definition of a deleted file, and loads a new one', async () => {
    unlinkSync(file('b.yaml'));
    write('c.yaml', definition('team.c'));
    await eventually(() => expect(activeIds()).toEqual(['team.a', 'team.c']));
    expect(status('b.yaml')).toBeUndefined();
    expect(logger.lines).toContain(`log removed team.b: ${file('b.yaml')} was deleted`);
  });

  it('keeps a running id with its file when a new file claims it', async () => {
    write('0-new.yaml', definition('team.b', 'description: impostor\n'));
    await eventually(() => expect(status('0-new.yaml')?.state).toBe('invalid'));
    expect(status('0-new.yaml')?.errors[0].message).toBe(`id: "team.b" is already defined in ${file('b.yaml')}`);
    expect(directory?.active().find((d) => d.id === 'team.b')?.sourcePath).toBe(file('b.yaml'));
  });

  it('emits change with the full list after each reload', async () => {
    write('a.yaml', definition('team.a', 'enabled: false\n'));
    await eventually(() => expect(changes.at(-1)?.find((s) => s.id === 'team.a')?.state).toBe('disabled'));
    expect(activeIds()).toEqual(['team.b']);
  });

  it('logs a listener that throws and carries on', async () => {
    directory?.on('change', () => {
      throw new Error('listener broke');
    });
    await directory?.reload();
    expect(logger.lines).toContain('error a definitions change listener failed: listener broke');
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('stops watching on close', async () => {
    await directory?.close();
    const seen = changes.length;
    write('c.yaml', definition('team.c'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes).toHaveLength(seen);
    expect(activeIds()).toEqual(['team.a', 'team.b']);
  });

  it('keeps its definitions when the directory disappears', async () => {
    rmSync(dir, { recursive: true, force: true });
    await directory?.reload();
    expect(activeIds()).toEqual(['team.a', 'team.b']);
    expect(logger.lines.some((l) => l.startsWith('error cannot read definitions directory'))).toBe(true);
  });
});
