// The program's shape, in-process: every command documents itself with an
// example, and usage mistakes end with exit 2 and one line naming them.
import { PassThrough } from 'node:stream';
import { allCommands, commandTree } from './command-tree';
import { buildProgram, runCli } from './program';

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runCli(argv, { stdout: out, stderr: err, env });
  return { code, stdout, stderr };
}

const commands = allCommands(commandTree(buildProgram()));
const leaves = commands.filter((c) => c.subcommands.length === 0);

describe('the state-hub program', () => {
  it('has the commands of issue 19', () => {
    expect(leaves.map((c) => c.path.join(' '))).toEqual([
      'serve',
      'sweep',
      'compare-sweeps',
      'hooks install',
      'hooks uninstall',
      'definitions lint',
      'definitions test',
      'definitions list',
      'runs list',
      'runs show',
      'runs replay',
      'dead-letters list',
      'dead-letters show',
      'dead-letters redrive',
      'events tail',
      'completion',
    ]);
  });

  it.each(commands.map((c) => [c.path.join(' ') || '(program)', c] as const))(
    '%s has a description and an example in its --help',
    async (_name, command) => {
      expect(command.description.length).toBeGreaterThan(10);
      expect(command.examples.length).toBeGreaterThan(0);
      const help = await run([...command.path, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/\nExamples?:\n {2}(\$ |# )/);
    },
  );

  it('offers --json on every command that prints data', () => {
    const withoutJson = leaves.filter((c) => !c.options.some((o) => o.long === '--json')).map((c) => c.path.join(' '));
    // serve runs the app, hooks prints what it did to the hook, completion prints a script
    expect(withoutJson).toEqual(['serve', 'hooks install', 'hooks uninstall', 'completion']);
  });

  it.each([
    [[], /Usage: state-hub/],
    [['definitions'], /Usage: state-hub definitions/],
    [['nope'], /unknown command 'nope'/],
    [['runs', 'list', '--status', 'done'], /argument 'done' is invalid. Allowed choices are running, succeeded/],
    [['runs', 'list', '--limit', '0'], /--limit <n>' argument '0' is invalid/],
    [['runs', 'show', 'not-a-uuid'], /^error: "not-a-uuid" is not a run id \(a UUID\)\n$/],
    [['runs', 'list', '--engine-url', 'ftp://x'], /--engine-url <url>' argument 'ftp:\/\/x' is invalid/],
    [['events', 'tail', '--count', 'many'], /--count <n>' argument 'many' is invalid/],
    [['events', 'tail', 'org..x'], /"org\.\.x" is not a subject or pattern/],
    [['serve', '--port', '70000'], /--port <port>' argument '70000' is invalid/],
    [['definitions', 'test'], /missing required argument 'definition'/],
    [['completion', 'fish'], /value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh/],
  ])('%j is a usage error: exit 2, nothing tried', async (argv, message) => {
    const result = await run(argv, { NATS_URL: 'nats://127.0.0.1:1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('names a bad environment variable and exits 1', async () => {
    const result = await run(['runs', 'list'], { ENGINE_URL: 'not a url' });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('state-hub: ENGINE_URL must be an http:// or https:// URL (got "not a url")\n');
  });
});
