// What a person reads from `runs list | show`: a row per run, newest first, and
// one run field by field with its context, rule and result.
import type { EngineSchemas } from '@state-hub/engine-client';
import type { Printer } from '../cli/printer';

type Run = EngineSchemas['RunView'];
type RunDetail = EngineSchemas['RunDetailView'];
type Page = EngineSchemas['RunPageView'];

const STATUS_COLOR = {
  succeeded: 'green',
  skipped: 'yellow',
  running: 'cyan',
  failed: 'red',
  timed_out: 'red',
  abandoned: 'red',
} as const;

export function paintStatus(status: Run['status'], out: Printer): string {
  return out.paint(STATUS_COLOR[status], status);
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

/** `event org.repo.commit.pushed`, `cron 2026-12-05T10:15:00.000Z`, `manual`, `replay`. */
export function describeTrigger(run: Pick<Run, 'trigger_kind' | 'trigger_key' | 'event_type' | 'replay_of'>): string {
  const replay = run.replay_of ? ' (replay)' : '';
  switch (run.trigger_kind) {
    case 'event':
      return `event ${run.event_type ?? run.trigger_key}${replay}`;
    case 'cron':
      return `cron ${run.trigger_key.replace(/^cron:/, '')}${replay}`;
    default:
      return `manual${replay}`;
  }
}

const flat = (text: string, max: number) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
};

export function printRunPage(page: Page, out: Printer): void {
  if (page.items.length === 0) {
    out.note(page.total === 0 ? 'no runs' : `no runs on this page (${page.total} in all)`);
    return;
  }
  const rows = page.items.map((run) => [
    run.started_at,
    run.id,
    run.definition_id,
    describeTrigger(run),
    paintStatus(run.status, out),
    formatMs(run.duration_ms),
    out.style.table ? flat(run.error ?? run.skip_reason ?? '', 80) : (run.error ?? run.skip_reason ?? ''),
  ]);
  out.table(['started', 'id', 'definition', 'trigger', 'status', 'duration', 'skip reason / error'], rows);
  out.note(`${page.items.length} of ${page.total} run${page.total === 1 ? '' : 's'}, newest first`);
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function printRun(run: RunDetail, out: Printer): void {
  out.fields([
    ['id', run.id],
    ['definition', `${run.definition_id} (version ${run.definition_hash.slice(0, 12)})`],
    ['trigger', `${describeTrigger(run)}; key ${run.trigger_key}`],
    ['status', paintStatus(run.status, out)],
    ['started', run.started_at],
    ['finished', run.finished_at ?? '-'],
    ['duration', formatMs(run.duration_ms)],
    ['replica', run.replica ?? '-'],
    ...(run.replay_of ? [['replay of', run.replay_of] as const] : []),
    ...(run.replays.length > 0
      ? [['replays', run.replays.map((r) => `${r.id} (${r.status})`).join(', ')] as const]
      : []),
    ...(run.skip_reason ? [['skip reason', run.skip_reason] as const] : []),
    ...(run.error ? [['error', run.error] as const] : []),
    ...run.warnings.map((w) => ['warning', w] as const),
  ]);
  const sections: [string, unknown][] = [
    ['context', run.context],
    ['rule', run.rule],
    ['result', run.result],
    ['trigger event', run.trigger_event],
  ];
  for (const [title, value] of sections) {
    if (value === null || (typeof value === 'object' && Object.keys(value as object).length === 0)) continue;
    out.line('');
    out.line(`${out.paint('bold', title)}:`);
    out.line(pretty(value));
  }
}
