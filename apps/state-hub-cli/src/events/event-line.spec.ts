import { buildEvent, CATALOG } from '@state-hub/subjects';
import { capturePrinter } from '../testing/capture-printer';
import { eventJson, eventLine } from './event-line';

const registered = buildEvent('org.statehub.repo.registered', CATALOG['org.statehub.repo.registered'].example, {
  id: '01a20a39-ea5e-7a01-8c3f-5b2d9e4a7c10',
  timestamp: '2026-11-23T21:04:57.438Z',
});
const message = { subject: registered.type, payload: JSON.stringify(registered) };

describe('an event as one line', () => {
  it('shows time, type, publisher and the attributes as key=value', () => {
    const { printer } = capturePrinter({ terminal: false });
    expect(eventLine(message, printer)).toBe(
      '2026-11-23T21:04:57.438Z  org.statehub.repo.registered  state-hub  ' +
        'repo_id=6f1c2b7e-4d3a-4c8e-9b1f-2a7d5e3c9f10 repo_slug=state-hub name="State Hub" domain=platform ' +
        'remote_url=git@github.com:example-org/state-hub.git local_path=null default_branch=main',
    );
  });

  it('names the subject when it is not the type, and says when a payload is no envelope', () => {
    const { printer } = capturePrinter({ terminal: false });
    expect(eventLine({ ...message, subject: 'org.other.thing' }, printer)).toContain(
      'org.statehub.repo.registered (on org.other.thing)',
    );
    expect(eventLine({ subject: 'org.x.y', payload: 'not json' }, printer)).toMatch(
      /org\.x\.y {2}\(not an envelope: 8 bytes that are not a JSON object\)$/,
    );
  });

  it('cuts long attributes on a terminal only, and colours only with colours on', () => {
    const long = { ...message, payload: JSON.stringify({ ...registered, attributes: { text: 'x'.repeat(500) } }) };
    expect(eventLine(long, capturePrinter({ terminal: true }).printer).length).toBeLessThan(250);
    expect(eventLine(long, capturePrinter({ terminal: false }).printer).length).toBeGreaterThan(500);
    expect(eventLine(message, capturePrinter({ terminal: true, color: true }).printer)).toContain(
      '\u001b[36morg.statehub.repo.registered\u001b[39m',
    );
  });

  it('--json: the envelope as received, on one line', () => {
    expect(JSON.parse(eventJson(message) ?? '')).toEqual(registered);
    expect(eventJson(message)).not.toContain('\n');
    expect(eventJson({ subject: 'org.x.y', payload: '[1]' })).toBeUndefined();
  });
});
