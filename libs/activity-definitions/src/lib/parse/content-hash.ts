import { createHash } from 'node:crypto';

/** sha256 (hex) of a definition file's raw text: what identifies a version of it. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
