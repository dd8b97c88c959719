import { capturePrinter } from '../testing/capture-printer';
import { outputStyle } from './printer';

describe('Printer', () => {
  const rows = [
    ['a', 1, null],
    ['b\twith a tab', 2, 'line\nbreak'],
  ];

  it('on a terminal: a table with the notes below it, all on stdout', () => {
    const out = capturePrinter({ terminal: true });
    out.printer.table(['name', 'n', 'note'], rows);
    out.printer.note('2 rows');
    expect(out.stdout()).toMatch(/│ name\s+│ n\s+│ note\s+│/);
    expect(out.stdout()).toMatch(/│ a\s+│ 1\s+│\s+│/);
    expect(out.stdout().endsWith('2 rows\n')).toBe(true);
    expect(out.stderr()).toBe('');
  });

  it('in a pipe: a header and one tab-separated line per row on stdout, the notes on stderr', () => {
    const out = capturePrinter({ terminal: false });
    out.printer.table(['name', 'n', 'note'], rows);
    out.printer.note('2 rows');
    expect(out.stdout()).toBe('name\tn\tnote\na\t1\t\nb with a tab\t2\tline break\n');
    expect(out.stderr()).toBe('2 rows\n');
  });

  it('prints one record as name/value lines, aligned on a terminal and tab-separated in a pipe', () => {
    const fields = [
      ['id', '42'],
      ['subject', 'org.x.y'],
    ] as const;
    const tty = capturePrinter({ terminal: true });
    tty.printer.fields(fields);
    expect(tty.stdout()).toBe('id       42\nsubject  org.x.y\n');
    const pipe = capturePrinter({ terminal: false });
    pipe.printer.fields(fields);
    expect(pipe.stdout()).toBe('id\t42\nsubject\torg.x.y\n');
  });

  it('status lines always go to stderr, so data stays clean', () => {
    const out = capturePrinter({ terminal: true });
    out.printer.status('following org.>');
    expect([out.stdout(), out.stderr()]).toEqual(['', 'following org.>\n']);
  });

  it('colours only on a terminal, never with NO_COLOR or TERM=dumb', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(outputStyle(tty, {})).toEqual({ table: true, color: true });
    expect(outputStyle(tty, { NO_COLOR: '1' })).toEqual({ table: true, color: false });
    expect(outputStyle(tty, { TERM: 'dumb' })).toEqual({ table: true, color: false });
    expect(outputStyle({} as NodeJS.WriteStream, {})).toEqual({ table: false, color: false });
    expect(capturePrinter({ terminal: true, color: true }).printer.paint('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(capturePrinter({ terminal: true, color: false }).printer.paint('red', 'x')).toBe('x');
  });
});
