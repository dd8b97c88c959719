// Subject filters of the dead-letter routes, written as NATS writes them: exact,
// or with `*` (one token) and `>` (all further tokens, last only).

/** What a subject filter may look like. */
export const SUBJECT_PATTERN = /^(?:>|(?:[A-Za-z0-9_-]+|\*)(?:\.(?:[A-Za-z0-9_-]+|\*))*(?:\.>)?)$/;

/** An anchored regular expression, the same in JavaScript and in Postgres (`~`), for the subjects a filter matches. */
export function subjectRegex(pattern: string): string {
  const tokens = pattern.split('.').map((t) => (t === '*' ? '[^.]+' : t === '>' ? '.+' : t));
  return `^${tokens.join('\\.')}$`;
}
