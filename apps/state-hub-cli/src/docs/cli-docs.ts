// docs/cli.md from the command tree: every command with its description, usage,
// arguments, options and examples. Deterministic, so a check can compare the
// committed file with a fresh rendering (`state-hub-cli:cli-docs-check`).
import { allCommands, type CommandNode } from '../cli/command-tree';

export const CLI_DOCS_PATH = 'docs/cli.md';
export const REGENERATE = 'npx nx run state-hub-cli:cli-docs';

const INTRO = `# The \`state-hub\` command line

<!-- Generated from the commander program by \`${REGENERATE}\`: do not edit by hand. -->

One command for operators and definition authors: run the system, sweep, look at definitions, runs, dead letters
and events. In a checkout, right after \`npm install\`:

\`\`\`sh
npx state-hub --help            # from the repo or any folder inside it; no build, no Nx
npm link                        # once: \`state-hub\` becomes a global command (runs this checkout)
npm run hub -- <command>        # the same CLI through npm
\`\`\`

It runs the TypeScript source, or the CLI's build when that is current (\`npx nx build state-hub-cli\` makes it, and
\`npm test\` does): no file it was made from changed since. The build starts in about 0.15 s against 0.4 s
from source; \`STATE_HUB_CLI_SOURCE=1\` always runs the source.

Conventions every command follows:

- \`--help\` on every command, with examples; \`state-hub help <command>\` too.
- Output: data on stdout. On a terminal, tables (coloured, unless \`NO_COLOR\` is set) with notes such as totals below
  them; when stdout is a pipe or a file, the same rows as tab-separated lines with a header line, and the notes on
  stderr, so \`state-hub runs list | cut -f2\` gets only ids. \`--json\` on every command that prints data gives the
  API's JSON instead. Errors are one line on stderr, \`error: …\`.
- Exit codes: **0** done; **1** the work failed or could not be done (hub, engine, NATS or database unreachable, a
  4xx/5xx answer, a definition that would not run, a bad environment variable); **2** bad usage (unknown flag, bad
  value, missing argument) — nothing was tried.
- Where things are: flags win over the environment variables the apps read — \`--hub-url\` / \`STATE_HUB_URL\`
  (default \`http://127.0.0.1:3000\`), \`--engine-url\` / \`ENGINE_URL\` (default \`http://127.0.0.1:3001\`; under
  \`npm start\` the engine is \`http://127.0.0.1:3000/engine\`), \`--token\` / \`STATE_HUB_API_TOKEN\` and
  \`ENGINE_API_TOKEN\` (prefer the variables: a flag shows in \`ps\`), \`--nats-url\` / \`NATS_URL\`, \`--stream\` /
  \`NATS_STREAM\`, \`DATABASE_URL\`, \`ACTIVITY_DEFINITIONS_DIR\`, \`STATE_HUB_DATA_DIR\`. The CLI reads no \`.env\`
  file (the app that \`serve\` starts does, in the folder it runs in).
- Shell completion: \`source <(state-hub completion bash)\` in \`~/.bashrc\`, or \`source <(state-hub completion zsh)\`
  in \`~/.zshrc\` after \`compinit\`.`;

/** GitHub's anchor of a heading that is just `state-hub …` in backticks. */
function anchor(node: CommandNode): string {
  return ['state-hub', ...node.path].join('-').replace(/[^a-z0-9_-]/g, '');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const title = (node: CommandNode) => ['state-hub', ...node.path].join(' ');

function optionRows(node: CommandNode): string[] {
  if (node.options.length === 0) return [];
  const rows = node.options.map((o) => {
    const notes = [
      ...(o.required ? ['required'] : []),
      ...(o.choices ? [`one of ${o.choices.map(code).join(', ')}`] : []),
      ...(o.defaultValue !== undefined ? [`default ${code(o.defaultValue)}`] : []),
    ];
    const description = notes.length > 0 ? `${o.description} (${notes.join('; ')})` : o.description;
    return `| ${code(o.flags)} | ${cell(description)} |`;
  });
  return ['| option | meaning |', '| --- | --- |', ...rows, ''];
}

function argumentRows(node: CommandNode): string[] {
  if (node.arguments.length === 0) return [];
  const rows = node.arguments.map((a) => {
    const shape = `${a.required ? '<' : '['}${a.name}${a.variadic ? '...' : ''}${a.required ? '>' : ']'}`;
    const notes = [
      ...(a.choices ? [`one of ${a.choices.map(code).join(', ')}`] : []),
      ...(a.defaultValue !== undefined ? [`default ${code(a.defaultValue)}`] : []),
    ];
    return `| ${code(shape)} | ${cell(notes.length > 0 ? `${a.description} (${notes.join('; ')})` : a.description)} |`;
  });
  return ['| argument | meaning |', '| --- | --- |', ...rows, ''];
}

function section(node: CommandNode): string[] {
  const lines = [`### ${code(title(node))}`, '', node.description, '', `Usage: ${code(node.usage)}`, ''];
  if (node.subcommands.length > 0) {
    lines.push(
      `Commands: ${node.subcommands.map((c) => `[${code(c.path.at(-1) ?? '')}](#${anchor(c)})`).join(', ')}`,
      '',
    );
  }
  lines.push(...argumentRows(node), ...optionRows(node));
  if (node.examples.length > 0) {
    lines.push(node.examples.length > 1 ? 'Examples:' : 'Example:', '', '```sh', ...node.examples, '```', '');
  }
  return lines;
}

export function renderCliDocs(tree: CommandNode): string {
  const commands = allCommands(tree).slice(1);
  const index = commands.map(
    (c) => `${'  '.repeat(c.path.length - 1)}- [${code(title(c))}](#${anchor(c)}) — ${c.summary}`,
  );
  return [INTRO, '', '## Commands', '', ...index, '', ...commands.flatMap(section)].join('\n').trimEnd() + '\n';
}
