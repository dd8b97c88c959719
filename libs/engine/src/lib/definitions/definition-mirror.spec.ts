import type { DefinitionStatus } from '@state-hub/activity-definitions';
import { mirrorRows } from './definition-mirror';

const status = (sourcePath: string, extra: Partial<DefinitionStatus>): DefinitionStatus => ({
  sourcePath,
  state: 'loaded',
  errors: [],
  warnings: [],
  ...extra,
});

describe('mirrorRows', () => {
  it('keys a file without an id, and a second file claiming a taken id, by its path', () => {
    const problem = { path: 'b.yaml', line: 1, column: 1, message: 'id: duplicate' };
    const rows = mirrorRows([
      status('a.yaml', { id: 'x.a', contentHash: 'h1' }),
      status('b.yaml', { id: 'x.a', state: 'invalid', errors: [problem] }),
      status('c.yaml', { state: 'invalid', errors: [{ path: 'c.yaml', message: 'not YAML' }] }),
    ]);
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['x.a', 'loaded'],
      ['file:b.yaml', 'invalid'],
      ['file:c.yaml', 'invalid'],
    ]);
    expect(rows[1].errors).toEqual([problem]);
  });
});
