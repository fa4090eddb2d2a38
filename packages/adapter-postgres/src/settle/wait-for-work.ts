import { pollUntilEmpty } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';
import { statementPreview } from './statement-preview.js';
import { WORK_APPLICATION_NAME, workApplicationName } from './work-marker.js';
import { type RunningWork, WorkStillRunningError } from './work-still-running-error.js';

export interface WaitForWorkOptions {
  /** The schema whose lock was taken: only its work is waited for. */
  readonly schema: string;
  /** Backends of our own pool (never waited for). */
  readonly ownPids: () => readonly number[];
  /** How long to wait before failing with WorkStillRunningError. */
  readonly timeoutMs: number;
}

const RUNNING_WORK_SQL = `SELECT pid, state, query, floor(extract(epoch FROM clock_timestamp() - query_start))::int AS seconds
  FROM pg_stat_activity
  WHERE datname = current_database() AND application_name IN ($1, $3) AND backend_type = 'client backend'
    AND state <> 'idle' AND pid <> pg_backend_pid() AND NOT (pid = ANY($2::int[]))
  ORDER BY pid`;

/**
 * Waits until no other ductape work session of this schema (or of a version that did not name
 * it) runs a statement on this database: called right after
 * the lock is taken, so what a dead runner's connection was still executing (a long ALTER, CREATE
 * INDEX CONCURRENTLY, the COMMIT that records its progress) lands before history is read. A killed
 * client's backend runs its statement to the end; an idle one is closed by the server at once.
 * @example await waitForWork(lockConnection, { schema: 'public', ownPids: () => driver.ownPids?.() ?? [], timeoutMs: 60_000 });
 */
export async function waitForWork(db: Queryable, options: WaitForWorkOptions): Promise<void> {
  const left = await pollUntilEmpty(() => runningWork(db, options.schema, options.ownPids()), options.timeoutMs);
  if (left.length > 0) throw new WorkStillRunningError(left, options.timeoutMs);
}

async function runningWork(db: Queryable, schema: string, ownPids: readonly number[]): Promise<RunningWork[]> {
  const r = await db.query(RUNNING_WORK_SQL, [workApplicationName(schema), [...ownPids], WORK_APPLICATION_NAME]);
  return r.rows.map((row) => ({
    pid: Number(row.pid),
    state: String(row.state ?? 'unknown'),
    seconds: Number(row.seconds ?? 0),
    statement: statementPreview(String(row.query ?? '')),
  }));
}
