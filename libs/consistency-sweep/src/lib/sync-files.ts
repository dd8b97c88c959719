// The file loop of one repo's sync: read each workplan, skip the unchanged
// ones (hash + `synced`, decided from the preloaded rows), parse the rest,
// reconcile, write ids back, then mark vanished files. A workplan that is not
// valid UTF-8 is an `error` (reconciling replacement characters and writing
// them back would damage it). Counts and warnings accumulate into the repo's
// result.
import { formatWorkplanProblem, parseWorkplan } from '@state-hub/workplan';
import { invalidUtf8Line, readWorkplanFile, type ScannedFile } from './file-scan';
import { FileProblem } from './reconcile/file-problem';
import { markOrphans } from './reconcile/orphans';
import {
  IDS_PENDING_WARNING,
  reconcileFile,
  recordFileError,
  type RepoReconcileContext,
} from './reconcile/reconcile-file';
import type { RepoSyncResult } from './types';
import { writeBackSynced } from './writeback';

export interface FileLoopOptions {
  root: string;
  paths: readonly string[];
  /** Commit the files the writeback changed (git repos only). */
  commitWriteback: boolean;
}

/** Why a workplan whose bytes are not valid UTF-8 is an `error`: its ids could not be written without damage. */
export const NOT_UTF8 = 'not valid UTF-8 (writeback would change other bytes)';

/** Files written back that may go into the writeback commit (clean against HEAD before the edit). */
export type CommitCandidates = string[];

function isUnchanged(ctx: RepoReconcileContext, file: ScannedFile): boolean {
  const row = ctx.files.get(file.path);
  if (!row || row.status !== 'synced' || row.content_hash !== file.hash) return false;
  return !(ctx.writeback && row.warnings.includes(IDS_PENDING_WARNING));
}

export async function syncFiles(
  ctx: RepoReconcileContext,
  options: FileLoopOptions,
  result: RepoSyncResult,
): Promise<CommitCandidates> {
  const commitCandidates: string[] = [];
  // read them all at once: on a sweep with nothing to do, reading is most of the cost
  const scanned = await Promise.all(options.paths.map((path) => readWorkplanFile(options.root, path)));
  for (const file of scanned) {
    const path = file.path;
    result.files.scanned++;
    if (isUnchanged(ctx, file)) {
      result.files.unchanged++;
      continue;
    }
    const parsed = parseWorkplan(file.text, path);
    if (parsed.kind === 'not_workplan') {
      result.files.not_workplan++;
      ctx.files.dropNotWorkplan(path, parsed.reason);
      continue;
    }
    const badLine = invalidUtf8Line(file);
    if (badLine !== undefined) {
      // the text was decoded with replacement characters: writing it back would change those bytes
      await fileError(ctx, file, `${path}:${badLine}: ${NOT_UTF8}`, result);
      continue;
    }
    if (parsed.kind === 'error') {
      await fileError(ctx, file, formatWorkplanProblem(parsed.problem), result);
      continue;
    }
    let synced;
    try {
      synced = await reconcileFile(ctx, file, parsed.workplan);
    } catch (err) {
      const reason =
        err instanceof FileProblem ? err.message : `${path}: could not be reconciled: ${(err as Error).message}`;
      await fileError(ctx, file, reason, result);
      continue;
    }
    if (synced.events > 0) ctx.outbox?.committed();
    result.files.synced++;
    result.warnings.push(...synced.warnings);
    const c = result.changes;
    c.workstreams_created += synced.created ? 1 : 0;
    c.workstreams_updated += synced.updated ? 1 : 0;
    c.workstreams_completed += synced.completed ? 1 : 0;
    c.workstreams_archived += synced.archivedPrevious ? 1 : 0;
    c.tasks_created += synced.tasksCreated;
    c.tasks_updated += synced.tasksUpdated;
    if (!ctx.writeback || !synced.needsIds) continue;

    const wrote = await writeBackSynced(ctx.manager, file, synced, options.root, options.commitWriteback);
    result.warnings.push(...wrote.warnings);
    if (!wrote.written) continue;
    c.files_written++;
    c.ids_written += wrote.idsWritten;
    if (wrote.commit) commitCandidates.push(path);
  }
  const orphans = await markOrphans(ctx.manager, ctx.files);
  result.files.orphaned += orphans.orphaned;
  result.changes.workstreams_archived += orphans.archived;
  return commitCandidates;
}

async function fileError(ctx: RepoReconcileContext, file: ScannedFile, reason: string, result: RepoSyncResult) {
  await recordFileError(ctx, file, reason);
  result.files.errors++;
  result.warnings.push(reason);
}
