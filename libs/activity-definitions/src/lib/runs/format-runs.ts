// Run history as a fixed-width table, newest first (the order GET /runs gives).
import type { RunRow, RunsPage } from './fetch-runs';

const COLUMNS = ['STARTED', 'DEFINITION', 'TRIGGER', 'STATUS', 'DURATION', 'SKIP REASON / ERROR'] as const;
const MAX_CELL = 60;
const MAX_NOTE = 100;

export function formatRuns(page: RunsPage): string[] {
  if (page.items.length === 0) return ['no runs'];
  const rows = page.items.map((run) => [
    started(run.started_at),
    cell(run.definition_id ?? '?', MAX_CELL),
    cell(trigger(run), MAX_CELL),
    run.status ?? '?',
    duration(run.duration_ms),
    cell(run.error ?? run.skip_reason ?? '', MAX_NOTE),
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((text, i) => (i === cells.length - 1 ? text : text.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const total = page.total ?? page.items.length;
  return [line(COLUMNS), ...rows.map(line), `${page.items.length} of ${total} run${total === 1 ? '' : 's'}`];
}

function started(iso: string | undefined): string {
  if (!iso) return '?';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

function trigger(run: RunRow): string {
  const key = run.trigger_key ?? '';
  switch (run.trigger_kind) {
    case 'event':
      return `event ${run.event_type ?? key}`;
    case 'cron':
      return `cron ${key.replace(/^cron:/, '')}`;
    case 'manual':
      return 'manual';
    default:
      return `${run.trigger_kind ?? '?'} ${key}`.trim();
  }
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

function cell(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
