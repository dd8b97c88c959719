// One log line per file whose content or state changed in a reload, so an
// operator sees what the engine now runs and why a file was refused.
import { formatProblem } from '../parse/definition-problem';
import type { DefinitionLogger, DefinitionStatus } from './definition-status';

export function logReload(
  logger: DefinitionLogger,
  before: ReadonlyMap<string, DefinitionStatus>,
  next: ReadonlyMap<string, DefinitionStatus>,
): void {
  for (const [sourcePath, old] of before) {
    if (!next.has(sourcePath)) logger.log(`removed ${old.id ?? sourcePath}: ${sourcePath} was deleted`);
  }
  for (const status of next.values()) {
    const old = before.get(status.sourcePath);
    if (old && old.contentHash === status.contentHash && old.state === status.state) continue;
    if (status.state === 'invalid') {
      const keeping = status.active ? ` (keeping the last good version of ${status.active.id} running)` : '';
      logger.warn(`${status.sourcePath} is invalid${keeping}:\n  ${status.errors.map(formatProblem).join('\n  ')}`);
    } else {
      logger.log(`${status.state} ${status.id} from ${status.sourcePath}`);
    }
    for (const warning of status.warnings) logger.warn(formatProblem(warning));
  }
}
