import { createEnvelope } from '@state-hub/envelope';
import { buildEvent } from './build-event';
import { CATALOG } from './catalog';
import { catalogDifferences } from './catalog-differences';
import { SUBJECTS } from './subject-names';

describe('catalogDifferences', () => {
  it.each(Object.values(SUBJECTS))('finds none in a built %s event', (subject) => {
    expect(catalogDifferences(buildEvent(subject, CATALOG[subject].example))).toEqual([]);
  });

  it('names each missing, unknown and mistyped attribute', () => {
    const { local_path: _path, default_branch: _branch, ...attributes } = CATALOG[SUBJECTS.repoRegistered].example;
    const differences = catalogDifferences({
      type: SUBJECTS.repoRegistered,
      attributes: { ...attributes, repo_id: '00000000-0000-0000-0000-000000000001', source: 'python-hub' },
    });
    expect(differences).toEqual([
      "attributes.repo_id: must be a UUID, got '00000000-0000-0000-0000-000000000001'",
      'attributes.local_path: required',
      'attributes.default_branch: required',
      'attributes.source: unknown field',
    ]);
  });

  it('has nothing to say about subjects outside the catalog', () => {
    const envelope = createEnvelope({ type: 'org.ci.build.finished', publisher: 'ci', attributes: { anything: 1 } });
    expect(catalogDifferences(envelope)).toEqual([]);
  });

  it('reports attributes that are not an object instead of throwing', () => {
    const attributes = 'nope' as unknown as Record<string, unknown>;
    expect(catalogDifferences({ type: SUBJECTS.commitPushed, attributes })).toEqual([
      'attributes: expected object, got string',
    ]);
  });
});
