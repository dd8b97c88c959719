// Small definition files and a logger that remembers, for directory and lint tests.
import type { DefinitionLogger } from '../lib/directory/definition-status';

/** A valid cron definition; `extra` is appended as top-level YAML. */
export function cronDefinitionText(id: string, extra = ''): string {
  return `id: ${id}
trigger:
  trigger_type: cron
  cron_expression: "*/15 * * * *"
instruction:
  kind: http
  method: POST
  url: \${STATE_HUB_URL}/x
${extra}`;
}

export function recordingLogger(): DefinitionLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (message) => lines.push(`log ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
