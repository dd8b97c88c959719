// A status word with a colour class (the word itself carries the meaning).
const TONES: Record<string, string> = {
  ok: 'good',
  up: 'good',
  succeeded: 'good',
  synced: 'good',
  done: 'good',
  completed: 'good',
  resolved: 'good',
  loaded: 'good',
  active: 'good',
  redriven: 'good',
  degraded: 'bad',
  down: 'bad',
  failed: 'bad',
  error: 'bad',
  invalid: 'bad',
  timed_out: 'bad',
  blocked: 'bad',
  abandoned: 'bad',
  critical: 'bad',
  not_found: 'bad',
  partial: 'warn',
  running: 'info',
  in_progress: 'info',
  connecting: 'info',
  open: 'info',
  high: 'warn',
  skipped: 'warn',
  orphaned: 'warn',
  disabled: 'muted',
  cancelled: 'muted',
  archived: 'muted',
  skipped_lock: 'warn',
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const word = status ?? 'unknown';
  return <span className={`badge badge-${TONES[word] ?? 'plain'}`}>{word.replace(/_/g, ' ')}</span>;
}
