import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  BEGIN_MARKER,
  END_MARKER,
  hookBlock,
  refusalReason,
  shellQuote,
  unreachableWarning,
  withBlock,
  withoutBlock,
} from './hook-block';

const BLOCK = hookBlock('demo', 'http://127.0.0.1:3000', '/srv/repos/demo');
const FILE = '.git/hooks/post-commit';
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('hook block', () => {
  it('reports to the repo’s commits route, in the background, never storing a token', () => {
    expect(BLOCK.startsWith(`${BEGIN_MARKER}\n`)).toBe(true);
    expect(BLOCK.endsWith(`${END_MARKER}\n`)).toBe(true);
    expect(BLOCK).toContain("'http://127.0.0.1:3000/repos/demo/commits' || true");
    expect(BLOCK).toContain('--max-time 3');
    expect(BLOCK).toContain(') </dev/null >/dev/null 2>&1 &');
    expect(BLOCK).toContain('command -v curl >/dev/null 2>&1 || exit 0');
    expect(BLOCK).toContain('${STATE_HUB_API_TOKEN:-}');
  });

  it('does nothing unless the commit happened in the work tree it was installed for', () => {
    const lines = BLOCK.split('\n');
    const guard = lines.indexOf(`  [ "$(git rev-parse --show-toplevel 2>/dev/null)" = '/srv/repos/demo' ] || exit 0`);
    expect(guard).toBe(lines.indexOf('(') + 1); // before anything else runs
    expect(hookBlock('demo', 'http://h:1', "/srv/it's here")).toContain(`= '/srv/it'\\''s here' ] || exit 0`);
  });

  it('quotes any path (spaces, quotes, $, backslashes) so sh reads it back unchanged', () => {
    const special = fc.constantFrom("'", '"', ' ', '$', '\\', '`', '!', '*', ';', '(', '&', '#', '~', 'a', 'é', '-');
    const path = fc.string({ unit: special, minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(path, (p) => {
        expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(p)}`]).toString('utf8')).toBe(p);
      }),
      { numRuns: 40 },
    );
    expect(shellQuote(`a 'b' "c" $d \\e`)).toBe(`'a '\\''b'\\'' "c" $d \\e'`);
  });

  it('creates a new hook with a shebang', () => {
    expect(withBlock(undefined, BLOCK, FILE)).toEqual({ text: `#!/bin/sh\n${BLOCK}`, action: 'created' });
  });

  it('appends to a foreign hook, keeping every byte of it', () => {
    const foreign = '#!/bin/bash\nset -e\necho hi';
    const { text, action } = withBlock(foreign, BLOCK, FILE);
    expect(action).toBe('added');
    expect(text).toBe(`${foreign}\n\n${BLOCK}`);
  });

  it('updates the block in place and collapses duplicates into one', () => {
    const old = hookBlock('demo', 'http://old:1', '/srv/repos/demo');
    const hook = `#!/bin/sh\necho before\n${old}echo after\n${old}`;
    const { text, action } = withBlock(hook, BLOCK, FILE);
    expect(action).toBe('updated');
    expect(count(text, BEGIN_MARKER)).toBe(1);
    expect(text).toBe(`#!/bin/sh\necho before\n${BLOCK}echo after\n`);
    expect(withBlock(text, BLOCK, FILE).action).toBe('unchanged');
  });

  it('refuses a begin marker without an end marker, naming the file', () => {
    expect(() => withBlock(`#!/bin/sh\n${BEGIN_MARKER}\necho x\n`, BLOCK, FILE)).toThrow(
      `${FILE}: '${BEGIN_MARKER}' has no '${END_MARKER}' after it`,
    );
  });

  it('removes only the block, and says when nothing else is left', () => {
    expect(withoutBlock(`#!/bin/sh\n${BLOCK}`, FILE)).toEqual({ text: null, removed: true });
    expect(withoutBlock('#!/bin/sh\necho hi\n', FILE)).toEqual({ text: '#!/bin/sh\necho hi\n', removed: false });
    expect(withoutBlock(`#!/bin/sh\necho a\n${BLOCK}echo b\n`, FILE).text).toBe('#!/bin/sh\necho a\necho b\n');
  });

  it('install then uninstall gives back any foreign shell hook exactly', () => {
    const line = fc.string({ maxLength: 40 }).filter((l) => !l.includes('\n') && !l.includes('statehub-sync-hook'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const foreign = `#!/bin/sh\n${lines.map((l) => `${l}\n`).join('')}`;
        const installed = withBlock(foreign, BLOCK, FILE).text;
        expect(count(installed, BEGIN_MARKER)).toBe(1);
        expect(withBlock(installed, BLOCK, FILE).text).toBe(installed);
        const removed = withoutBlock(installed, FILE).text;
        expect(removed).toBe(lines.every((l) => l.trim() === '') ? null : foreign);
      }),
    );
  });

  it.each([
    ['#!/bin/sh\n', undefined],
    ['#!/usr/bin/env bash\n', undefined],
    ['#!/bin/zsh -e\n', undefined],
    ['echo no shebang\n', undefined],
    [
      '#!/usr/bin/env python3\n',
      'it is not a shell script (#!/usr/bin/env python3); add the State Hub call to it by hand',
    ],
    ['#!/usr/bin/perl\n', 'it is not a shell script (#!/usr/bin/perl); add the State Hub call to it by hand'],
  ])('refusalReason(%j)', (text, reason) => {
    expect(refusalReason(text)).toBe(reason);
  });

  it('warns when the foreign hook exits before our block', () => {
    expect(unreachableWarning(withBlock('#!/bin/sh\nexit 0\n', BLOCK, FILE).text)).toMatch(/exit/);
    expect(unreachableWarning(withBlock('#!/bin/sh\necho ok\n', BLOCK, FILE).text)).toBeUndefined();
  });
});
