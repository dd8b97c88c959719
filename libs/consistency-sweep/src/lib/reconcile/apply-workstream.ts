// Copies what the file owns onto the workstream row: title, owner, domain,
// extra, source path and — only when the file changed it — the status. The
// status rule: the file's status is applied when the row is new or the file's
// status differs from `file_status` (what the file said last time); a status
// set through the hub is otherwise kept. `file_status` always follows the file.
import type { WorkstreamEntity, WorkstreamStatus } from '@state-hub/db';
import type { Workplan } from '@state-hub/workplan';
import { asStoredJson, sameJson } from './same-json';

export interface WorkstreamChange {
  changed: boolean;
  /** The status before, when this change moved the row to `completed`. */
  completedFrom?: WorkstreamStatus;
}

export interface WorkstreamFields {
  isNew: boolean;
  domainId: string | null;
  path: string;
  now: Date;
}

export function applyWorkplan(ws: WorkstreamEntity, wp: Workplan, f: WorkstreamFields): WorkstreamChange {
  let changed = false;
  const set = <K extends keyof WorkstreamEntity>(key: K, value: WorkstreamEntity[K]) => {
    if (ws[key] !== value) {
      ws[key] = value;
      changed = true;
    }
  };
  set('workplan_id', wp.id);
  set('title', wp.title);
  set('owner', wp.owner ?? null);
  set('domain_id', f.domainId);
  set('source_path', f.path);
  if (f.isNew || !sameJson(ws.extra, wp.extra)) {
    ws.extra = asStoredJson(wp.extra);
    changed = true;
  }
  let completedFrom: WorkstreamStatus | undefined;
  if (f.isNew || ws.file_status !== wp.status) {
    const previous = ws.status;
    if (f.isNew || previous !== wp.status) {
      // completed_at records when it was completed: kept when archived, cleared when reopened (as the API does)
      if (wp.status === 'completed') ws.completed_at = f.now;
      else if (wp.status !== 'archived') ws.completed_at = null;
      else ws.completed_at ??= null;
      ws.status = wp.status;
      changed = true;
      if (!f.isNew && wp.status === 'completed') completedFrom = previous;
    }
  }
  set('file_status', wp.status);
  return { changed, completedFrom };
}
