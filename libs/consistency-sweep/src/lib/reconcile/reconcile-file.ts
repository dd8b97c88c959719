// Reconciles one parsed workplan file in ONE transaction: the workstream, its
// tasks, the `workstream.completed` event (outbox, same transaction) and the
// file's workplan_files row all commit together, or none of them does.
import { WorkplanFileEntity, WorkstreamEntity, type RepoEntity } from '@state-hub/db';
import { appendToOutbox, type OutboxCommits } from '@state-hub/outbox';
import { buildEvent, SUBJECTS } from '@state-hub/subjects';
import { formatWorkplanProblem, type Workplan } from '@state-hub/workplan';
import type { EntityManager } from 'typeorm';
import type { ScannedFile } from '../file-scan';
import { applyWorkplan } from './apply-workstream';
import type { DomainLookup } from './domain-lookup';
import type { FileIndex } from './file-index';
import { checkLimits } from './file-problem';
import { reconcileTasks } from './reconcile-tasks';
import { workstreamLeavesFile } from './orphans';
import { resolveWorkstream } from './workstream-identity';

/** Kept in a file row's warnings while the file lacks its ids (writeback off, or it failed); the next sweep with writeback retries. */
export const IDS_PENDING_WARNING = 'state_hub ids not written back yet';

export interface RepoReconcileContext {
  /** The sync's own connection (a QueryRunner's manager). */
  manager: EntityManager;
  repo: RepoEntity;
  commitSha: string | null;
  files: FileIndex;
  domains: DomainLookup;
  writeback: boolean;
  /** The process's OutboxSignal, if any: it decides each commit's NOTIFY and hears of each commit of events. */
  outbox: OutboxCommits | undefined;
}

export interface FileSyncResult {
  workstreamId: string;
  taskIds: Record<string, string>;
  /** The file lacks ids or carries wrong ones. */
  needsIds: boolean;
  fileRowId: string;
  created: boolean;
  updated: boolean;
  completed: boolean;
  archivedPrevious: boolean;
  tasksCreated: number;
  tasksUpdated: number;
  events: number;
  warnings: string[];
}

function lacksIds(wp: Workplan, workstreamId: string, taskIds: Record<string, string>): boolean {
  return wp.stateHubWorkstreamId !== workstreamId || wp.tasks.some((t) => t.stateHubTaskId !== taskIds[t.key]);
}

export async function reconcileFile(
  ctx: RepoReconcileContext,
  file: ScannedFile,
  wp: Workplan,
): Promise<FileSyncResult> {
  checkLimits(file.path, wp);
  const now = new Date();
  const warnings = wp.warnings.map(formatWorkplanProblem);
  const { result, saved } = await ctx.manager.transaction(async (m) => {
    const found = await resolveWorkstream(m, ctx.repo.id, file.path, wp, ctx.files);
    let domainId: string | null = null;
    if (wp.domain) {
      domainId = (await ctx.domains.idOf(m, wp.domain)) ?? null;
      if (!domainId)
        warnings.push(`${file.path}: domain '${wp.domain}' is not registered; workstream kept without one`);
    }
    let ws = found ?? m.create(WorkstreamEntity, { repo_id: ctx.repo.id, completed_at: null });
    const change = applyWorkplan(ws, wp, { isNew: !found, domainId, path: file.path, now });
    if (change.changed) ws = await m.save(WorkstreamEntity, ws);

    let events = 0;
    if (change.completedFrom !== undefined) {
      const envelope = buildEvent(SUBJECTS.workstreamCompleted, {
        workstream_id: ws.id,
        workplan_id: ws.workplan_id,
        repo_slug: ctx.repo.slug,
        title: ws.title,
        // never 'completed' here: the change moved it to completed from something else
        previous_status: change.completedFrom as 'draft' | 'active' | 'blocked' | 'archived',
        via: 'sweep',
      });
      await appendToOutbox(m, envelope, { outbox: ctx.outbox });
      events++;
    }

    const tasks = await reconcileTasks(m, ws, wp.tasks, !found, now, file.path);
    warnings.push(...tasks.warnings);
    const needsIds = lacksIds(wp, ws.id, tasks.taskIds);

    const row = { ...(ctx.files.get(file.path) ?? {}) } as WorkplanFileEntity;
    const previousWorkstream = row.workstream_id ?? null;
    const archivedPrevious =
      previousWorkstream !== null && previousWorkstream !== ws.id
        ? await workstreamLeavesFile(m, ctx.files, previousWorkstream, file.path)
        : false;
    Object.assign(row, {
      repo_id: ctx.repo.id,
      path: file.path,
      status: 'synced',
      workstream_id: ws.id,
      content_hash: file.hash,
      commit_sha: ctx.commitSha,
      error: null,
      warnings: needsIds && !ctx.writeback ? [...warnings, IDS_PENDING_WARNING] : warnings,
      last_parsed_at: now,
      last_seen_at: now,
    });
    const savedRow = await m.save(WorkplanFileEntity, m.create(WorkplanFileEntity, row));
    const synced: FileSyncResult = {
      workstreamId: ws.id,
      taskIds: tasks.taskIds,
      needsIds,
      fileRowId: savedRow.id,
      created: !found,
      updated: !!found && change.changed,
      completed: change.completedFrom !== undefined,
      archivedPrevious,
      tasksCreated: tasks.created,
      tasksUpdated: tasks.updated,
      events,
      warnings,
    };
    return { result: synced, saved: savedRow };
  });
  ctx.files.set(saved); // only once committed
  return result;
}

/** Marks a file `error` (it did not parse, or could not be reconciled); its workstream keeps its last good state. */
export async function recordFileError(
  ctx: RepoReconcileContext,
  file: ScannedFile,
  reason: string,
  warnings: string[] = [],
): Promise<void> {
  const now = new Date();
  const row = { ...(ctx.files.get(file.path) ?? {}) } as WorkplanFileEntity;
  Object.assign(row, {
    repo_id: ctx.repo.id,
    path: file.path,
    status: 'error',
    workstream_id: row.workstream_id ?? null,
    content_hash: file.hash,
    commit_sha: ctx.commitSha,
    error: reason,
    warnings,
    last_parsed_at: now,
    last_seen_at: now,
  });
  const saved = await ctx.manager.save(WorkplanFileEntity, ctx.manager.create(WorkplanFileEntity, row));
  ctx.files.set(saved);
}
