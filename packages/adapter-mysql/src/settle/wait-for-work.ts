import { pollUntilEmpty } from '@ductape/core';
import type { MysqlQueryable } from '../mysql-driver.js';
import { statementPreview } from './statement-preview.js';
import { WORK_MARK } from './work-marker.js';
import { type RunningWork, WorkStillRunningError } from './work-still-running-error.js';

export interface WaitForWorkOptions {
  /** Connection ids of our own connections (never waited for). */
  readonly ownIds: () => readonly number[];
  /** How long to wait before failing with WorkStillRunningError. */
  readonly timeoutMs: number;
}

const RUNNING_WORK_SQL = `SELECT \`ID\` AS id, \`TIME\` AS seconds, LEFT(\`INFO\`, 400) AS info FROM information_schema.PROCESSLIST
  WHERE \`ID\` <> CONNECTION_ID() AND \`DB\` = DATABASE() AND \`COMMAND\` = 'Query' AND \`INFO\` LIKE ? ORDER BY \`ID\``;

/**
 * Waits until no other ductape work session runs a statement on this database: called right after
 * GET_LOCK succeeds, so what a dead runner's connection was still executing (a long ALTER TABLE)
 * lands before history is read. The server runs a killed client's statement to its end.
 * @example await waitForWork(lockConnection, { ownIds: () => driver.ownThreadIds?.() ?? [], timeoutMs: 60_000 });
 */
export async function waitForWork(db: MysqlQueryable, options: WaitForWorkOptions): Promise<void> {
  const left = await pollUntilEmpty(() => runningWork(db, options.ownIds()), options.timeoutMs);
  if (left.length > 0) throw new WorkStillRunningError(left, options.timeoutMs);
}

async function runningWork(db: MysqlQueryable, ownIds: readonly number[]): Promise<RunningWork[]> {
  const own = new Set(ownIds);
  const rows = await db.query(RUNNING_WORK_SQL, [`${WORK_MARK}%`]);
  return rows.filter((row) => !own.has(Number(row.id))).map((row) => ({ id: Number(row.id), seconds: Number(row.seconds ?? 0), statement: statementPreview(String(row.info ?? '')) }));
}
