import { existsSync, readFileSync } from 'node:fs';
import { catalogDocFile } from './catalog-doc-file';
import { renderSubjectCatalog } from './catalog-doc';
import { SUBJECTS } from './subject-names';

const STALE = 'docs/nats-event-subjects.md is stale: run npx nx run subjects:generate-docs';

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line === -1 ? left.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${right[at] ?? '<end of file>'}\n  generated: ${left[at] ?? '<end of file>'}`;
}

describe('docs/nats-event-subjects.md', () => {
  const rendered = renderSubjectCatalog();

  it('is current with the catalog', () => {
    const file = catalogDocFile();
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== rendered) throw new Error(`${STALE}\n${firstDifference(rendered, committed)}`);
  });

  it('says it is generated, and by which command', () => {
    expect(rendered.split('\n').slice(0, 6).join('\n')).toContain('npx nx run subjects:generate-docs');
    expect(rendered).toContain('Do not edit by hand');
  });

  it('explains the naming convention and the transport', () => {
    for (const text of [
      'org.<publisher>.<noun>[.<noun>].<verb-past-tense>',
      'Nats-Msg-Id',
      'ACTIVITY_EVENTS',
      '`org.>`',
    ]) {
      expect(rendered).toContain(text);
    }
  });

  it('lists the envelope fields', () => {
    for (const field of [
      'id',
      'type',
      'version',
      'timestamp',
      'publisher',
      'attributes',
      'correlation_id',
      'causation_id',
    ]) {
      expect(rendered).toMatch(new RegExp(`^\\| \`${field}\` +\\|`, 'm'));
    }
  });

  it.each(Object.values(SUBJECTS))('documents %s with an example envelope', (subject) => {
    const section = rendered.split(`### \`${subject}\``)[1]?.split('\n### ')[0] ?? '';
    expect(section).toContain('**Fires when:**');
    expect(section).toContain('| Attribute');
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
    expect(JSON.parse(json)).toMatchObject({ type: subject, version: '1.0', publisher: 'state-hub' });
  });

  it('renders the same text every time', () => {
    expect(renderSubjectCatalog()).toBe(rendered);
  });
});
