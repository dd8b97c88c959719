// The repo's workplan_files rows, loaded with ONE query when the repo's sync
// starts and kept current as files are reconciled (the repo lock means nobody
// else writes them meanwhile). Unchanged files are decided from here, without
// a query per file.
import { WorkplanFileEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';

export class FileIndex {
  private constructor(
    private readonly rows: Map<string, WorkplanFileEntity>,
    /** Paths on disk that are (or may be) workplans; a `not_workplan` file is removed. */
    readonly present: Set<string>,
  ) {}

  static async load(manager: EntityManager, repoId: string, presentPaths: readonly string[]): Promise<FileIndex> {
    // raw rows (the columns are named like the properties): much cheaper than entity hydration, 100× per sweep
    const rows: WorkplanFileEntity[] = await manager.query('SELECT * FROM workplan_files WHERE repo_id = $1', [repoId]);
    return new FileIndex(new Map(rows.map((r) => [r.path, r])), new Set(presentPaths));
  }

  /** Why present files that are not workplans (any more) were dropped from `present`. */
  readonly notWorkplan = new Map<string, string>();

  /** The file on disk is not a workplan: it holds no workstream (a row it had is orphaned). */
  dropNotWorkplan(path: string, reason: string): void {
    this.present.delete(path);
    this.notWorkplan.set(path, reason);
  }

  get(path: string): WorkplanFileEntity | undefined {
    return this.rows.get(path);
  }

  /** Call after the row's transaction committed. */
  set(row: WorkplanFileEntity): void {
    this.rows.set(row.path, row);
  }

  all(): WorkplanFileEntity[] {
    return [...this.rows.values()];
  }

  /** Another file on disk that holds this workstream, if any (the first such path). */
  claimedBy(workstreamId: string, exceptPath: string): string | undefined {
    for (const row of this.rows.values()) {
      if (
        row.workstream_id === workstreamId &&
        row.path !== exceptPath &&
        row.status !== 'orphaned' &&
        this.present.has(row.path)
      ) {
        return row.path;
      }
    }
    return undefined;
  }
}
