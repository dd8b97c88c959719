import { createHash } from 'node:crypto';

/** sha256 (hex) of a workplan file's text: lets the sweep skip a file that did not change. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
