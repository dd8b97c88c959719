import { ENVELOPE_EVENT_TYPE_PATTERN } from '@state-hub/envelope';
import { CATALOG, isCatalogSubject } from './catalog';
import { SUBJECTS, type Subject } from './subject-names';

const subjects = Object.values(SUBJECTS);

describe('CATALOG', () => {
  it('has exactly one spec per subject, keyed by its own subject', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...subjects].sort());
    for (const subject of subjects) expect(CATALOG[subject].subject).toBe(subject);
  });

  it.each(subjects)('%s is a v1 state-hub subject with a valid name', (subject: Subject) => {
    expect(subject).toMatch(ENVELOPE_EVENT_TYPE_PATTERN);
    expect(CATALOG[subject]).toMatchObject({ version: '1.0', publisher: 'state-hub' });
    expect(CATALOG[subject].firedWhen.length).toBeGreaterThan(10);
  });

  it.each(subjects)('%s has an example that its schema accepts unchanged', (subject) => {
    const { schema, example } = CATALOG[subject];
    expect(schema.parse(example)).toEqual(example);
  });

  it.each(subjects)('%s refuses unknown attributes', (subject) => {
    const { schema, example } = CATALOG[subject];
    expect(schema.safeParse({ ...example, surprise: 'x' }).success).toBe(false);
  });
});

describe('isCatalogSubject', () => {
  it('knows the catalog subjects and nothing else', () => {
    for (const subject of subjects) expect(isCatalogSubject(subject)).toBe(true);
    for (const other of ['org.statehub.repo', 'org.other.thing.happened', 'constructor', '__proto__', '']) {
      expect(isCatalogSubject(other)).toBe(false);
    }
  });
});
