import { findHandlerPattern } from './pattern-router';

describe('findHandlerPattern', () => {
  const patterns = [
    'org.>',
    'org.statehub.>',
    'org.statehub.*.registered',
    'org.*.*.registered',
    'org.statehub.repo.registered',
  ];

  it('prefers the exact pattern', () => {
    expect(findHandlerPattern(patterns, 'org.statehub.repo.registered')).toBe('org.statehub.repo.registered');
  });

  it('then a pattern without >, fewer * first', () => {
    expect(findHandlerPattern(patterns, 'org.statehub.domain.registered')).toBe('org.statehub.*.registered');
    expect(findHandlerPattern(patterns, 'org.repo.commit.registered')).toBe('org.*.*.registered');
  });

  it('then the longest > pattern', () => {
    expect(findHandlerPattern(patterns, 'org.statehub.task.stale')).toBe('org.statehub.>');
    expect(findHandlerPattern(patterns, 'org.repo.commit.pushed')).toBe('org.>');
  });

  it('keeps registration order on a tie, and ignores what cannot be a subject pattern', () => {
    expect(findHandlerPattern(['org.*.a.b', 'org.x.*.b'], 'org.x.a.b')).toBe('org.*.a.b');
    expect(findHandlerPattern(['{"cmd":"sum"}', 'not a pattern'], 'org.x.a.b')).toBeUndefined();
  });

  it('answers undefined when nothing matches', () => {
    expect(findHandlerPattern(patterns, 'deadletter.org.x')).toBeUndefined();
    expect(findHandlerPattern([], 'org.x')).toBeUndefined();
  });
});
