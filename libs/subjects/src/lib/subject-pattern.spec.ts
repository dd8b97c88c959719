import fc from 'fast-check';
import { SUBJECTS } from './subject-names';
import { isValidSubjectPattern, subjectMatches } from './subject-pattern';

const token = fc.stringMatching(/^[a-z0-9_-]{1,10}$/);
const subjectArb = fc.array(token, { minLength: 1, maxLength: 6 }).map((tokens) => tokens.join('.'));

describe('subjectMatches', () => {
  it.each([
    ['org.>', 'org.statehub.repo.registered', true],
    ['org.*', 'org.statehub.repo.registered', false],
    ['org.statehub.*.completed', 'org.statehub.workstream.completed', true],
    ['org.statehub.*.completed', 'org.statehub.domain.goal.completed', false],
    ['>', 'org.statehub.task.stale', true],
    ['>', 'a', true],
    ['org.statehub.repo.registered', 'org.statehub.repo.registered', true],
    ['org.statehub.repo.registered', 'org.statehub.repo.registered.more', false],
    ['org.statehub.repo', 'org.statehub.repo.registered', false],
    ['org.statehub.>', 'org.statehub', false],
    ['*.*.*.*', 'org.repo.commit.pushed', true],
    ['*.*.*', 'org.repo.commit.pushed', false],
    ['org.*.commit.>', 'org.repo.commit.pushed', true],
    ['org.repo.commit.pushed', 'org.repo.commit.Pushed', false],
    ['org.>.pushed', 'org.repo.commit.pushed', false],
    ['org.>', 'org.*', false],
    ['org..x', 'org..x', false],
  ])('%s against %s -> %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });

  it('matches every subject with itself', () => {
    fc.assert(fc.property(subjectArb, (subject) => subjectMatches(subject, subject)));
  });

  it("matches every catalog subject with 'org.>' and '>'", () => {
    for (const subject of Object.values(SUBJECTS)) {
      expect(subjectMatches('org.>', subject)).toBe(true);
      expect(subjectMatches('>', subject)).toBe(true);
    }
  });

  it('matches a subject with any of its tokens replaced by *', () => {
    fc.assert(
      fc.property(subjectArb, fc.nat(), (subject, at) => {
        const tokens = subject.split('.');
        tokens[at % tokens.length] = '*';
        return subjectMatches(tokens.join('.'), subject);
      }),
    );
  });

  it('matches a subject with any non-empty tail replaced by >', () => {
    fc.assert(
      fc.property(subjectArb, fc.nat(), (subject, at) => {
        const tokens = subject.split('.');
        const keep = at % tokens.length;
        return subjectMatches([...tokens.slice(0, keep), '>'].join('.'), subject);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (p, s) => typeof subjectMatches(p, s) === 'boolean'));
  });
});

describe('isValidSubjectPattern', () => {
  it.each(['org.>', '>', '*', 'org.statehub.*.completed', 'org.statehub.repo.registered', 'a*b.c'])(
    'accepts %j',
    (pattern) => expect(isValidSubjectPattern(pattern)).toBe(true),
  );

  it.each(['', '.', 'org.', '.org', 'org..repo', 'org.>.x', '>.>', 'org statehub', 'org.\trepo', 'org.\n'])(
    'refuses %j',
    (pattern) => expect(isValidSubjectPattern(pattern)).toBe(false),
  );
});
