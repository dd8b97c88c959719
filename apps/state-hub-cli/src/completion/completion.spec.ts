// The completion scripts, run in the real shells: what a user gets after
// `state-hub <TAB>`, for commands, options, option values and arguments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../cli/program';
import { commandTree } from '../cli/command-tree';
import { bashCompletion } from './bash-completion';
import { zshCompletion } from './zsh-completion';

const tree = commandTree(buildProgram());
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'completion-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** COMPREPLY for the words typed so far (the last one is the word being completed). */
function bash(...words: string[]): string[] {
  const script = join(dir, 'state-hub.bash');
  writeFileSync(script, bashCompletion(tree));
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source ${script}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _state_hub; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('completes commands, subcommands and options from the program', () => {
    expect(bash('state-hub', '')).toEqual(expect.arrayContaining(['serve', 'definitions', 'runs', 'events', '--help']));
    expect(bash('state-hub', 'def')).toEqual(['definitions']);
    expect(bash('state-hub', 'definitions', '')).toEqual(['lint', 'test', 'list', '--help']);
    expect(bash('state-hub', 'runs', 'list', '--st')).toEqual(['--status']);
  });

  it('completes the choices of an option and of an argument', () => {
    expect(bash('state-hub', 'runs', 'list', '--status', '')).toEqual([
      'running',
      'succeeded',
      'failed',
      'skipped',
      'timed_out',
      'abandoned',
    ]);
    expect(bash('state-hub', 'completion', '')).toEqual(['bash', 'zsh', '--help']);
  });

  it('skips option values when finding the command, and offers files for file arguments', () => {
    writeFileSync(join(dir, 'sync.yaml'), '');
    expect(bash('state-hub', 'definitions', 'test', '--dir', 'x', 'sy')).toEqual(['sync.yaml']);
    expect(bash('state-hub', 'runs', 'list', '--limit', '')).toEqual([]); // bash's default: file names
  });
});

const zsh = existsSync('/usr/bin/zsh') || existsSync('/bin/zsh') ? describe : describe.skip;

zsh('zsh completion (with stand-ins for the completion builtins)', () => {
  function complete(...words: string[]): string {
    const script = join(dir, '_state-hub');
    writeFileSync(script, zshCompletion(tree));
    const stubs = [
      'compdef() { :; }',
      '_describe() { local arr=$4; print -r -- "$3: ${(j:|:)${(P)arr}}"; }',
      'compadd() { shift; print -r -- "values: $*"; }',
      '_files() { print files; }',
      '_message() { print -r -- "message: $*"; }',
    ].join('\n');
    const quoted = words.map((w) => `'${w}'`).join(' ');
    return execFileSync(
      'zsh',
      ['-f', '-c', `${stubs}\nsource ${script}\nwords=(${quoted}); CURRENT=${words.length}; _state_hub`],
      {
        encoding: 'utf8',
      },
    );
  }

  it('is valid zsh', () => {
    const script = join(dir, '_state-hub');
    writeFileSync(script, zshCompletion(tree));
    expect(() => execFileSync('zsh', ['-n', script])).not.toThrow();
  });

  it('offers commands with their descriptions, option values, and files', () => {
    expect(complete('state-hub', 'definitions', '')).toBe(
      "command: lint:The engine's checks on every file of a definitions folder|" +
        'test:Dry-run one definition on a sample event; nothing is executed|' +
        'list:The definitions a running engine has loaded, and their state\n',
    );
    expect(complete('state-hub', 'definitions', 'list', '--state', '')).toBe('values: loaded invalid disabled\n');
    expect(complete('state-hub', 'definitions', 'test', '--event', '')).toBe('files\n');
    expect(complete('state-hub', 'runs', 'list', '--limit', '')).toBe('message: n\n');
    expect(complete('state-hub', 'definitions', 'test', '')).toBe('files\n');
    expect(complete('state-hub', 'runs', 'list', '--')).toMatch(/^option: --definition:only runs of this definition\|/);
  });
});
