// `definitions list`: the definitions a running engine has loaded (GET
// /definitions): state, trigger (event type, or schedule and next slot), file and
// why a file does not load.
import { type DefinitionState, type EngineSchemas } from '@state-hub/engine-client';
import { EXIT, type ExitCode } from '../cli/cli-errors';
import type { Printer } from '../cli/printer';
import type { EngineEnv } from '../config/cli-env';
import { askEngine, connectEngine } from '../engine/engine-connection';

type Definition = EngineSchemas['DefinitionStatusView'];

const STATE_COLOR = { loaded: 'green', disabled: 'yellow', invalid: 'red' } as const;

export interface ListDefinitionsFlags {
  state?: DefinitionState;
  json: boolean;
}

function problems(d: Definition, table: boolean): string {
  if (d.errors.length === 0) return d.warnings.length > 0 ? `${d.warnings.length} warning(s)` : '';
  const first = table && d.errors[0].length > 80 ? `${d.errors[0].slice(0, 79)}…` : d.errors[0];
  return d.errors.length > 1 ? `${first} (+${d.errors.length - 1} more)` : first;
}

/** `event org.statehub.repo.*`, `cron 0 3 * * * UTC, next 2026-12-06T03:00:00.000Z`, `manual`, or `-`. */
function triggerText(d: Definition): string {
  if (d.trigger_type === 'event') return `event ${d.event_type ?? ''}`.trim();
  if (d.trigger_type === 'cron') {
    const next = d.next_fire_at ? `, next ${d.next_fire_at}` : '';
    return `cron ${d.cron_expression ?? ''} ${d.timezone ?? ''}${next}`.replace(/\s+/g, ' ').trim();
  }
  return d.trigger_type ?? '-';
}

export function printDefinitions(all: readonly Definition[], shown: readonly Definition[], out: Printer): void {
  if (shown.length === 0) out.note('no definitions');
  else {
    const rows = shown.map((d) => [
      d.id ?? '(no id)',
      out.paint(STATE_COLOR[d.state], d.state),
      triggerText(d),
      d.source_path,
      problems(d, out.style.table),
    ]);
    out.table(['id', 'state', 'trigger', 'file', 'problems'], rows);
  }
  const count = (state: DefinitionState) => all.filter((d) => d.state === state).length;
  out.note(
    `${all.length} definition file${all.length === 1 ? '' : 's'}: ${count('loaded')} loaded, ` +
      `${count('invalid')} invalid, ${count('disabled')} disabled`,
  );
}

export async function listDefinitions(flags: ListDefinitionsFlags, env: EngineEnv, out: Printer): Promise<ExitCode> {
  const all = await askEngine(connectEngine(env).GET('/definitions'));
  const shown = flags.state ? all.filter((d) => d.state === flags.state) : all;
  if (flags.json) out.json(shown);
  else printDefinitions(all, shown, out);
  return EXIT.ok;
}
