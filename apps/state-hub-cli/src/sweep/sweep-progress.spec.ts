import type { RepoSyncResult } from '@state-hub/consistency-sweep';
import { PassThrough } from 'node:stream';
import { progressDisplay } from './sweep-progress';

const result = (repo: string, outcome: RepoSyncResult['outcome']): RepoSyncResult => ({
  repo,
  outcome,
  pull: 'local',
  commit_sha: null,
  files: { scanned: 2, unchanged: 0, synced: 2, errors: 0, orphaned: 0, not_workplan: 0 },
  changes: {
    workstreams_created: 0,
    workstreams_updated: 0,
    workstreams_archived: 0,
    workstreams_completed: 0,
    tasks_created: 0,
    tasks_updated: 0,
    ids_written: 0,
    files_written: 0,
    writeback_commits: 0,
  },
  warnings: [],
  duration_ms: 42,
  ...(outcome === 'failed' && { error: 'local_path /x does not exist' }),
});

function stream(tty: boolean): { out: PassThrough & { isTTY?: boolean; columns?: number }; text: () => string } {
  const out: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  out.isTTY = tty;
  out.columns = 120;
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { out, text: () => text };
}

function play(display: ReturnType<typeof progressDisplay>) {
  display.onProgress({ kind: 'started', total: 2 });
  display.onProgress({ kind: 'repo_started', repo: 'alpha', index: 0, total: 2 });
  display.onProgress({ kind: 'repo_finished', result: result('alpha', 'synced'), index: 0, total: 2 });
  display.onProgress({ kind: 'repo_started', repo: 'beta', index: 1, total: 2 });
  display.onProgress({ kind: 'repo_finished', result: result('beta', 'failed'), index: 1, total: 2 });
  display.stop();
}

describe('sweep progress', () => {
  it('writes one plain line per repo when not on a terminal', () => {
    const s = stream(false);
    play(progressDisplay(s.out));
    expect(s.text()).toBe(
      [
        'sweeping 2 repo(s)',
        '[1/2] alpha: synced (2 synced, 0 unchanged, 0 errors; 42 ms)',
        '[2/2] beta: failed (2 synced, 0 unchanged, 0 errors; 42 ms) — local_path /x does not exist',
        '',
      ].join('\n'),
    );
  });

  it('draws a bar per repo and an overall bar on a terminal', () => {
    const s = stream(true);
    play(progressDisplay(s.out));
    const text = s.text();
    expect(text).toContain('all repos');
    expect(text).toMatch(/alpha\s+synced \(2 synced/);
    expect(text).toMatch(/beta\s+failed/);
    expect(text).toContain('2/2');
  });
});
