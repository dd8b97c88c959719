import type { LoadedDefinition } from '../parse/loaded-definition';
import { resolveIds } from './resolve-ids';

function def(id: string, sourcePath: string, version = 1): LoadedDefinition {
  return { id, sourcePath, contentHash: `${id}-${version}`, enabled: true } as LoadedDefinition;
}

describe('resolveIds', () => {
  it('gives every file its own id when ids are unique', () => {
    const a = def('x', 'a.yaml');
    const b = def('y', 'b.yaml');
    const decisions = resolveIds([
      { sourcePath: 'a.yaml', latest: a },
      { sourcePath: 'b.yaml', latest: b },
    ]);
    expect(decisions.get('a.yaml')).toEqual({ active: a });
    expect(decisions.get('b.yaml')).toEqual({ active: b });
  });

  it('on a first load, the first file by name keeps a shared id', () => {
    const decisions = resolveIds([
      { sourcePath: 'a.yaml', latest: def('x', 'a.yaml') },
      { sourcePath: 'b.yaml', latest: def('x', 'b.yaml') },
    ]);
    expect(decisions.get('a.yaml')?.active?.sourcePath).toBe('a.yaml');
    expect(decisions.get('b.yaml')).toEqual({ duplicateOf: 'a.yaml' });
  });

  it('the file already running an id keeps it against a new file that sorts first', () => {
    const running = def('x', 'm.yaml');
    const decisions = resolveIds([
      { sourcePath: 'a.yaml', latest: def('x', 'a.yaml') },
      { sourcePath: 'm.yaml', latest: def('x', 'm.yaml', 2), previous: running },
    ]);
    expect(decisions.get('m.yaml')?.active?.contentHash).toBe('x-2');
    expect(decisions.get('a.yaml')).toEqual({ duplicateOf: 'm.yaml' });
  });

  it('a broken file keeps its id through its last good version', () => {
    const running = def('x', 'm.yaml');
    const decisions = resolveIds([
      { sourcePath: 'a.yaml', latest: def('x', 'a.yaml') },
      { sourcePath: 'm.yaml', previous: running },
    ]);
    expect(decisions.get('m.yaml')).toEqual({ active: running });
    expect(decisions.get('a.yaml')).toEqual({ duplicateOf: 'm.yaml' });
  });

  it('a file renamed to a taken id keeps running its previous version when that id is free', () => {
    const before = def('y', 'b.yaml');
    const decisions = resolveIds([
      { sourcePath: 'a.yaml', latest: def('x', 'a.yaml'), previous: def('x', 'a.yaml') },
      { sourcePath: 'b.yaml', latest: def('x', 'b.yaml', 2), previous: before },
    ]);
    expect(decisions.get('b.yaml')).toEqual({ active: before, duplicateOf: 'a.yaml' });
  });

  it('a file with nothing good has nothing active', () => {
    expect(resolveIds([{ sourcePath: 'a.yaml' }]).get('a.yaml')).toEqual({});
  });
});
