import { setTimeout as sleep } from 'node:timers/promises';
import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';
import { errnoOf } from './mysql-connection-error.js';

/** ER_LOCK_DEADLOCK: InnoDB deadlock, and Galera's certification failure / brute-force abort. */
const DEADLOCK = 1213;
/** ER_TRANSACTION_ROLLBACK_DURING_COMMIT: group replication's certification failure. */
const GR_ROLLBACK = 3101;
/** ER_ERROR_DURING_COMMIT: some Galera versions report a certification failure at COMMIT so. */
const ERROR_DURING_COMMIT = 1180;
/** ER_UNKNOWN_COM_ERROR as Galera uses it: "WSREP has not yet prepared node for application use". */
const WSREP_NOT_READY = 1047;

/**
 * True for an error that means "another node's transaction won": the write was rolled back by the
 * cluster's certification and nothing of it was committed.
 * @example if (isCertificationConflict(error)) return { acquired: false };
 */
export function isCertificationConflict(error: unknown): boolean {
  const n = errnoOf(error);
  return n === DEADLOCK || n === GR_ROLLBACK || n === ERROR_DURING_COMMIT;
}

/**
 * True when the node refuses work because it is not in the cluster's primary component (cut off
 * from the majority, or still joining).
 * @example if (isNodeNotReady(error)) throw new ClusterNodeNotReadyError(where, error);
 */
export function isNodeNotReady(error: unknown): boolean {
  return errnoOf(error) === WSREP_NOT_READY;
}

/**
 * The connected cluster node does not take work: it is not part of the primary component (a
 * partition cut it off from the majority, or it is still joining). Code DUCTAPE_CONNECTION.
 * @example throw new ClusterNodeNotReadyError('galera', 'db2:3306/app', error);
 */
export class ClusterNodeNotReadyError extends DuctapeError {
  constructor(adapter: string, where: string, cause: unknown) {
    super(
      ErrorCodes.connection,
      `${adapter} at ${redactSecrets(where)}: this cluster node is not part of the primary component (partitioned away from the majority, or still joining) and refuses the migration lock`,
      'run against a node of the majority (wsrep_cluster_status = Primary, wsrep_local_state_comment = Synced), or wait until this node has rejoined',
      { cause },
    );
  }
}

/**
 * Runs `fn` again (up to `attempts` times, jittered backoff from 10 ms to 0.5 s: ~8 s in all) while the cluster rolls it back
 * with a certification conflict or a brute-force abort — e.g. another node's no-op
 * `CREATE TABLE IF NOT EXISTS`, replicated in total order, aborting our transaction on that table.
 * Such a rollback committed nothing, so running it again is safe; the last error is thrown.
 * @example await retryOnConflict(() => fenceCheck(c, name, held, what));
 */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (!isCertificationConflict(error) || i >= attempts) throw error;
      await sleep(Math.min(500, 10 * 2 ** i) * (0.5 + Math.random()));
    }
  }
}
