// Which workstream row a workplan file is: the DB owns identity. The file's
// `state_hub_workstream_id` wins when it names a row of this repo; otherwise
// the (repo, workplan id) pair; otherwise the workplan is new. Two files of
// one repo never share a workstream: the second one is an error.
import { WorkstreamEntity } from '@state-hub/db';
import type { Workplan } from '@state-hub/workplan';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { FileIndex } from './file-index';
import { FileProblem } from './file-problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function lockedRow(
  m: EntityManager,
  where: FindOptionsWhere<WorkstreamEntity>,
): Promise<WorkstreamEntity | null> {
  return m.findOne(WorkstreamEntity, { where, lock: { mode: 'pessimistic_write' } });
}

/** The existing row for this file (locked for the transaction), or null when it must be created. */
export async function resolveWorkstream(
  m: EntityManager,
  repoId: string,
  path: string,
  wp: Workplan,
  files: FileIndex,
): Promise<WorkstreamEntity | null> {
  const byWorkplanId = () => lockedRow(m, { repo_id: repoId, workplan_id: wp.id });
  let row: WorkstreamEntity | null = null;
  if (wp.stateHubWorkstreamId && UUID.test(wp.stateHubWorkstreamId)) {
    row = await lockedRow(m, { id: wp.stateHubWorkstreamId, repo_id: repoId });
    // an id copied from another file of this repo does not make this file that workstream
    if (row && files.claimedBy(row.id, path)) row = null;
  }
  if (row && row.workplan_id !== wp.id) {
    const holder = await byWorkplanId();
    if (holder && holder.id !== row.id) {
      throw new FileProblem(
        path,
        `workplan id ${wp.id} belongs to workstream ${holder.id}, but state_hub_workstream_id names ${row.id}`,
      );
    }
  }
  row ??= await byWorkplanId();
  if (!row) return null;
  const other = files.claimedBy(row.id, path);
  if (other) throw new FileProblem(path, `workplan id ${wp.id} is also in ${other}`);
  return row;
}
