// Which @EventPattern handles a subject. Nest looks handlers up by exact pattern;
// here a pattern may also be a NATS wildcard (`org.*.repo.registered`, `org.>`).
import { subjectMatches } from '@state-hub/subjects';

/**
 * An exact pattern wins; otherwise the most specific matching wildcard: one
 * without `>` before one with it, then fewer `*`, then more tokens, then the
 * one registered first. Returns undefined when nothing matches.
 */
export function findHandlerPattern(patterns: Iterable<string>, subject: string): string | undefined {
  let best: { pattern: string; rank: number[] } | undefined;
  for (const pattern of patterns) {
    if (pattern === subject) return pattern;
    if (!subjectMatches(pattern, subject)) continue;
    const rank = specificity(pattern);
    if (!best || isBefore(rank, best.rank)) best = { pattern, rank };
  }
  return best?.pattern;
}

/** Lower is more specific. */
function specificity(pattern: string): number[] {
  const tokens = pattern.split('.');
  return [tokens.includes('>') ? 1 : 0, tokens.filter((t) => t === '*').length, -tokens.length];
}

function isBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i];
  }
  return false;
}
