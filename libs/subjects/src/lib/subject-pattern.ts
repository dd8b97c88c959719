// NATS subject matching, so consumers and definitions can test a filter
// (`org.>`, `org.statehub.*.completed`) without a server.

const WHITESPACE = /\s/;

/** Non-empty dot-separated tokens, no whitespace, `>` only as the last token. */
export function isValidSubjectPattern(pattern: string): boolean {
  if (typeof pattern !== 'string' || pattern.length === 0 || WHITESPACE.test(pattern)) return false;
  const tokens = pattern.split('.');
  return tokens.every((token, index) => token.length > 0 && (token !== '>' || index === tokens.length - 1));
}

/** A publishable subject: a valid pattern without wildcard tokens. */
function isLiteralSubject(subject: string): boolean {
  return isValidSubjectPattern(subject) && subject.split('.').every((token) => token !== '*' && token !== '>');
}

/** `*` matches exactly one token, a trailing `>` one or more; other tokens match exactly. */
export function subjectMatches(pattern: string, subject: string): boolean {
  if (!isValidSubjectPattern(pattern) || !isLiteralSubject(subject)) return false;
  const wanted = pattern.split('.');
  const actual = subject.split('.');
  for (const [index, token] of wanted.entries()) {
    if (token === '>') return actual.length > index;
    if (index >= actual.length || (token !== '*' && token !== actual[index])) return false;
  }
  return wanted.length === actual.length;
}
