// `state-hub completion zsh`: a zsh completion script generated from the
// command tree, with descriptions. Install: `source <(state-hub completion zsh)`
// in ~/.zshrc after `compinit`.
import type { CommandNode } from '../cli/command-tree';
import { completionEntries, shortDescription } from './completion-words';

/** A zsh single-quoted string. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
/** `name:description` for _describe (a colon in the name would need a backslash; ours have none). */
const item = (name: string, description: string) => quote(`${name}:${shortDescription(description)}`);

export function zshCompletion(tree: CommandNode): string {
  const entries = completionEntries(tree);
  const commandKeys = entries.filter((e) => e.key !== '').map((e) => `"${e.key}"`);
  const valueCases = entries.flatMap((e) =>
    [...e.values].map(([option, value]) => {
      const complete =
        'choices' in value
          ? `compadd -- ${value.choices.map(quote).join(' ')}`
          : value.files
            ? '_files'
            : `_message ${quote(value.placeholder)}`;
      return `    ("${e.key}|${option}") ${complete}; return ;;`;
    }),
  );
  const wordCases = entries.map((e) => {
    const lines = [`    ("${e.key}")`];
    const words = [
      ...e.subcommands.map((s) => item(s.name, s.description)),
      ...(Array.isArray(e.arguments) ? e.arguments.map(quote) : []),
    ];
    if (words.length > 0) lines.push(`      commands=(${words.join(' ')})`);
    lines.push(`      options=(${e.options.map((o) => item(o.name, o.description)).join(' ')})`);
    if (e.arguments === true) lines.push('      files=1');
    lines.push('      ;;');
    return lines.join('\n');
  });
  return `#compdef state-hub
# zsh completion for state-hub, generated from its commands by \`state-hub completion zsh\`.
# Install: add \`source <(state-hub completion zsh)\` to ~/.zshrc after compinit (regenerate after an upgrade).
_state_hub() {
  local cmd="" word prev i files=0
  local -a commands options
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    case "$cmd $word" in
      (${commandKeys.join('|')}) cmd="$cmd $word" ;;
    esac
  done
  prev=\${words[CURRENT-1]}
  # the value of an option: its choices, or file names
  case "$cmd|$prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
${wordCases.join('\n')}
  esac
  if [[ \${words[CURRENT]} == -* ]]; then
    _describe -t options 'option' options
  else
    (( \${#commands} )) && _describe -t commands 'command' commands
    (( files )) && _files
    (( \${#commands} || files )) || _describe -t options 'option' options
  fi
}
compdef _state_hub state-hub
`;
}
