// `state-hub completion bash`: a bash completion script generated from the
// command tree. Install: `source <(state-hub completion bash)` in ~/.bashrc.
import type { CommandNode } from '../cli/command-tree';
import { completionEntries } from './completion-words';

/** A word list for compgen -W, or a case pattern: only plain words here (no quotes or spaces in our names). */
const words = (list: readonly string[]) => list.join(' ');

export function bashCompletion(tree: CommandNode): string {
  const entries = completionEntries(tree);
  const commandKeys = entries.filter((e) => e.key !== '').map((e) => `"${e.key}"`);
  const valueCases = entries.flatMap((e) =>
    [...e.values].map(([option, value]) =>
      'choices' in value
        ? `    "${e.key}|${option}") COMPREPLY=($(compgen -W "${words(value.choices)}" -- "$cur")) ;;`
        : `    "${e.key}|${option}") COMPREPLY=() ;;`,
    ),
  );
  const wordCases = entries.map((e) => {
    const choices = Array.isArray(e.arguments) ? e.arguments : [];
    const list = [...e.subcommands.map((s) => s.name), ...choices, ...e.options.map((o) => o.name)];
    const files = e.arguments === true ? ' files=1;' : '';
    return `    "${e.key}") list="${words(list)}";${files} ;;`;
  });
  return `# bash completion for state-hub, generated from its commands by \`state-hub completion bash\`.
# Install: add \`source <(state-hub completion bash)\` to ~/.bashrc (regenerate after an upgrade).
_state_hub() {
  local cur prev cmd word list files i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$cmd $word" in
      ${commandKeys.join('|')}) cmd="$cmd $word" ;;
    esac
  done
  # the value of an option: its choices, or file names (bash's default completion)
  case "$cmd|$prev" in
${valueCases.join('\n')}
    *) prev="" ;;
  esac
  if [[ -n "$prev" ]]; then return 0; fi
  list=""
  files=0
  case "$cmd" in
${wordCases.join('\n')}
  esac
  if [[ "$cur" == -* || $files == 0 ]]; then
    COMPREPLY=($(compgen -W "$list" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$list" -- "$cur") $(compgen -f -- "$cur"))
  fi
}
complete -o default -F _state_hub state-hub
`;
}
