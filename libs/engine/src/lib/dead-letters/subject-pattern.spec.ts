import { SUBJECT_PATTERN, subjectRegex } from './subject-pattern';

const matches = (pattern: string, subject: string) => new RegExp(subjectRegex(pattern)).test(subject);

describe('subject filters', () => {
  it('match exactly, one token per *, and every further token for a final >', () => {
    expect(matches('org.a.b.c', 'org.a.b.c')).toBe(true);
    expect(matches('org.a.b.c', 'org.a.b.cd')).toBe(false);
    expect(matches('org.a.b.c', 'orgxa.b.c')).toBe(false);
    expect(matches('org.*.b.c', 'org.x.b.c')).toBe(true);
    expect(matches('org.*.b.c', 'org.x.y.b.c')).toBe(false);
    expect(matches('org.>', 'org.x.y.z')).toBe(true);
    expect(matches('org.>', 'org')).toBe(false);
    expect(matches('>', 'anything.at.all')).toBe(true);
  });

  it('accept NATS subjects and refuse what is not one', () => {
    for (const ok of ['org.a.b', 'org.*.b', 'org.>', '>', 'org.repo-x.b_c'])
      expect(SUBJECT_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'org..b', 'org.>.b', 'org.a b', 'org.a*', '.org', 'org.(a|b)', 'org.a.']) {
      expect(SUBJECT_PATTERN.test(bad)).toBe(false);
    }
  });
});
