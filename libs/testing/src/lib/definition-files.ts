// Writes definition files into a temp directory for a test; YAML is given as text so tests read like the real files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class DefinitionFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'activity-defs-'));

  write(name: string, yaml: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, yaml);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
