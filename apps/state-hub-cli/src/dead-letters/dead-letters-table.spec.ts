import type { Printer } from '../cli/printer';
import { capturePrinter } from '../testing/capture-printer';
import { printLetter, printLetterPage, printRedrive } from './dead-letters-table';

/** What a terminal shows (stdout, with the notes), without the last line break. */
function onTerminal(print: (out: Printer) => void): string {
  const out = capturePrinter({ terminal: true });
  print(out.printer);
  return out.stdout().replace(/\n$/, '');
}

const renderLetterPage = (page: Parameters<typeof printLetterPage>[0]) => onTerminal((o) => printLetterPage(page, o));
const renderLetter = (letter: Parameters<typeof printLetter>[0]) => onTerminal((o) => printLetter(letter, o));
const renderRedrive = (result: Parameters<typeof printRedrive>[0]) => onTerminal((o) => printRedrive(result, o));

const letter = {
  id: '42',
  delivery: 'jetstream' as const,
  original_subject: 'org.statehub.repo.registered',
  reason: 'handler failed on all 5 deliveries; last error: recording runs failed for 1 definition(s)',
  delivery_count: 5,
  redrive_count: 1,
  dead_lettered_at: '2026-12-05T10:00:00.000Z',
  payload_bytes: 11,
  payload_truncated: false,
  payload_preview: '{"id":"e1"}',
};

describe('dead-letter tables', () => {
  it('lists letters one row each, the reason cut, with a count line', () => {
    const text = renderLetterPage({ items: [letter], limit: 50, delivery: 'jetstream', unsearched: 0 });
    expect(text).toMatch(
      /│ 42\s+│ org\.statehub\.repo\.registered\s+│ handler failed on all 5 deliveries; last error: recording r… │ 5\s+│ 1\s+│/,
    );
    expect(text.split('\n').at(-1)).toBe('1 dead letter in the dead-letter stream');
    expect(renderLetterPage({ items: [], limit: 50, delivery: 'outbox', unsearched: 0 })).toBe(
      'no dead letters in the dead_letters table',
    );
  });

  it('shows a letter field by field, then its payload pretty-printed', () => {
    const text = renderLetter({
      ...letter,
      payload_text: '{"id":"e1"}',
      payload_base64: Buffer.from('{"id":"e1"}').toString('base64'),
      headers: null,
      source: 'ACTIVITY_EVENTS:7',
      unredrivable: null,
    });
    expect(text).toContain('subject           org.statehub.repo.registered');
    expect(text).toContain('source            ACTIVITY_EVENTS:7');
    expect(text.endsWith('{\n  "id": "e1"\n}')).toBe(true);
  });

  it('reports each redrive and the totals, for a dry run too', () => {
    const base = { original_subject: 'org.x.y.z', redrive_count: 2, republished_as: null, error: null };
    const counts = { redriven: 1, would_redrive: 0, not_found: 1, failed: 0 };
    const text = renderRedrive({
      dry_run: false,
      redriven_by: 'alice',
      counts,
      unsearched: 0,
      items: [
        { ...base, id: '1', outcome: 'redriven', republished_as: 'ACTIVITY_EVENTS:9' },
        {
          ...base,
          id: '2',
          outcome: 'not_found',
          original_subject: null,
          redrive_count: null,
          error: 'no dead letter has this id',
        },
      ],
    });
    expect(text).toMatch(/│ 1\s+│ org\.x\.y\.z\s+│ redriven\s+│ 2\s+│ ACTIVITY_EVENTS:9/);
    expect(text).toMatch(/│ 2\s+│\s+│ not_found\s+│\s+│ no dead letter has this id/);
    expect(text.split('\n').at(-1)).toBe('1 redriven by alice, 0 failed, 1 not found');
    const dry = renderRedrive({
      dry_run: true,
      redriven_by: 'api',
      counts: { ...counts, redriven: 0, would_redrive: 1 },
      unsearched: 0,
      items: [{ ...base, id: '1', outcome: 'would_redrive' }],
    });
    expect(dry.split('\n').at(-1)).toBe('dry run: 1 would be redriven, 0 cannot be, 1 not found');
  });

  it('says how many older letters the engine did not search, after the count or the nothing found', () => {
    const note =
      '1,234 older dead letters not searched: the engine reads the newest DEAD_LETTER_SCAN_LIMIT sequences of the ' +
      "stream (raise it in the engine's environment to search them)";
    const page = renderLetterPage({ items: [letter], limit: 50, delivery: 'jetstream', unsearched: 1234 });
    expect(page.split('\n').slice(-2)).toEqual(['1 dead letter in the dead-letter stream', note]);
    const none = renderLetterPage({ items: [], limit: 50, delivery: 'jetstream', unsearched: 1234 });
    expect(none).toBe(`no dead letters in the dead-letter stream\n${note}`);
    const counts = { redriven: 0, would_redrive: 0, not_found: 0, failed: 0 };
    const redrive = renderRedrive({ dry_run: true, redriven_by: 'api', counts, items: [], unsearched: 1234 });
    expect(redrive).toBe(`no dead letters matched; nothing to redrive\n${note}`);
  });

  it('off a terminal: one tab-separated line per letter, the count on stderr', () => {
    const out = capturePrinter({ terminal: false });
    printLetterPage({ items: [letter], limit: 50, delivery: 'jetstream', unsearched: 0 }, out.printer);
    const [head, row] = out.stdout().trimEnd().split('\n');
    expect(head).toBe('id\tsubject\treason\tdeliveries\tredrives\tdead-lettered at\tpayload');
    expect(row.split('\t').slice(0, 2)).toEqual(['42', 'org.statehub.repo.registered']);
    expect(out.stderr()).toBe('1 dead letter in the dead-letter stream\n');
  });
});
