import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DOC_PATH, catalogDocFile } from './catalog-doc-file';

describe('catalogDocFile', () => {
  it('resolves docs/nats-event-subjects.md under the workspace root', () => {
    const file = catalogDocFile();
    expect(file.endsWith(join('docs', 'nats-event-subjects.md'))).toBe(true);
    expect(existsSync(join(file, '..', '..', 'nx.json'))).toBe(true);
    expect(CATALOG_DOC_PATH).toBe('docs/nats-event-subjects.md');
  });

  it('fails clearly outside a workspace', () => {
    expect(() => catalogDocFile('/')).toThrow('no nx.json above /');
  });
});
