// CONTRACT of the consistency sweep, used by the API, the CLI and the benchmark.
// Change only together with its users.

/** Who started a sweep (DESIGN.md §6); `commit-hook` is the per-commit sync. */
export const SWEEP_SOURCES = ['local-timer', 'activity-core', 'manual', 'api', 'commit-hook'] as const;
export type SweepSource = (typeof SWEEP_SOURCES)[number];

/** The progress event every sweep of all repos records. */
export const SWEEP_PROGRESS_EVENT = 'consistency_sweep_remote_all';
/** The progress event a one-repo sync records (on that repo). */
export const SYNC_PROGRESS_EVENT = 'consistency_sync_repo';

export interface SweepSettings {
  /** Commit the files a writeback changed (default false). Only files that were clean before. */
  commitWriteback: boolean;
  /** Push that commit (default false; only in remote mode, only fast-forward). */
  pushWriteback: boolean;
  /** Author of writeback commits. */
  gitAuthorName: string;
  gitAuthorEmail: string;
  /** Folder inside each repo that holds workplans (default `workplans`). */
  workplanDir: string;
  /** How long a one-repo sync waits for the repo's lock before reporting `skipped_lock` (default 30). */
  repoLockWaitSeconds: number;
}

export interface SweepOptions {
  source: SweepSource;
  /** Remote mode: git fetch + fast-forward pull behind the pull gate (C-16) before reconciling. */
  remote?: boolean;
  /**
   * The commit that prompted a per-commit sync. When the checkout's HEAD does not contain it (a push made
   * elsewhere, reported by a git host's webhook), the repo is synced in remote mode even without `remote`.
   */
  reportedSha?: string;
  /** Budget: repos not started within this many seconds are `skipped_budget` (default 300). */
  maxSeconds?: number;
  /** Only this repo (by slug). */
  repo?: string;
  /** Write assigned ids back into the files (C-15; default true). */
  writeback?: boolean;
  /** Called as each repo starts and finishes (progress bars, logs). */
  onProgress?: (event: SweepProgress) => void;
  /** Stored as the progress event's actor. */
  actor?: string;
}

export type SweepProgress =
  | { kind: 'started'; total: number }
  | { kind: 'repo_started'; repo: string; index: number; total: number }
  | { kind: 'repo_finished'; result: RepoSyncResult; index: number; total: number };

export type RepoOutcome = 'synced' | 'skipped_lock' | 'skipped_budget' | 'failed';
export type PullOutcome =
  | 'local' // local mode: no pull asked
  | 'pulled' // fast-forwarded
  | 'up_to_date'
  | 'skipped_dirty' // pull gate: working tree not clean
  | 'skipped_diverged' // pull gate: local branch ahead/diverged or on another branch
  | 'no_remote' // no remote to pull from
  | 'failed'; // fetch failed (warning; files on disk are still reconciled)

export interface FileCounts {
  scanned: number;
  unchanged: number;
  synced: number;
  errors: number;
  orphaned: number;
  not_workplan: number;
}

export interface ChangeCounts {
  workstreams_created: number;
  workstreams_updated: number;
  workstreams_archived: number;
  workstreams_completed: number;
  tasks_created: number;
  tasks_updated: number;
  ids_written: number;
  files_written: number;
  writeback_commits: number;
}

export interface RepoSyncResult {
  repo: string;
  outcome: RepoOutcome;
  pull: PullOutcome;
  /** HEAD after the pull (null when the folder is not a git repo). */
  commit_sha: string | null;
  files: FileCounts;
  changes: ChangeCounts;
  /** Warn-only problems, each naming the file or the git step. */
  warnings: string[];
  /** Why the repo failed (outcome `failed`), e.g. `local_path /x does not exist`. */
  error?: string;
  duration_ms: number;
  /** Id of the `consistency_sync_repo` progress event (set by `syncRepo` only). */
  progress_event_id?: string;
}

export interface SweepCounts {
  repos: number;
  synced: number;
  skipped_lock: number;
  skipped_budget: number;
  failed: number;
  warnings: number;
}

export interface SweepReport {
  /** Id of the `consistency_sweep_remote_all` progress event that records this sweep. */
  progress_event_id: string;
  source: SweepSource;
  remote: boolean;
  max_seconds: number;
  /** `skipped_lock`: another sweep held the lock; `partial`: the budget ran out; `failed`: a repo failed hard. */
  outcome: 'completed' | 'partial' | 'failed' | 'skipped_lock';
  started_at: string;
  finished_at: string;
  duration_ms: number;
  counts: SweepCounts;
  files: FileCounts;
  changes: ChangeCounts;
  warnings: string[];
  repos: RepoSyncResult[];
}

export interface SweepHistoryQuery {
  since?: Date;
  until?: Date;
  source?: SweepSource;
  limit?: number;
  offset?: number;
}

/** One row of `GET /consistency/sweeps`: the recorded progress event, flattened. */
export interface SweepHistoryEntry {
  id: string;
  occurred_at: string;
  source: string;
  outcome: string;
  remote: boolean;
  duration_ms: number;
  counts: SweepCounts;
  warnings: string[];
}

/** Per-source figures of the parallel-run comparison over [since, until). */
export interface SweepComparisonRow {
  source: string;
  runs: number;
  /** Runs whose outcome is `completed`. */
  completed: number;
  /** completed / runs (0 when no runs). */
  completion_rate: number;
  runs_skipped_lock: number;
  repos_skipped_lock: number;
  repos_skipped_budget: number;
  /** Runs with at least one failed repo. */
  hard_failures: number;
  /** Runs with warnings but no failed repo. */
  warn_only: number;
  first_run_at: string | null;
  last_run_at: string | null;
}

export interface SweepComparison {
  since: string;
  until: string;
  sources: SweepComparisonRow[];
}
