import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

/** What to do next, by cassandra-driver error code (or the SQLSTATE of core's RowEvaluationError). */
const HINTS: { readonly [code: string]: string } = {
  '8704': 'Cassandra refused a statement (a value does not fit its column type): pass values of the column types (getAdapter().introspect(table) shows them)',
  '4096': 'not enough replicas are alive for LOCAL_QUORUM: bring the nodes back (nodetool status)',
  '4352': 'a write timed out on the replicas: the cluster is overloaded; lower batchSize or updateConcurrency',
  '4608': 'a read timed out on the replicas: the cluster is overloaded; lower batchSize',
  '4097': 'the coordinator is overloaded: lower updateConcurrency',
  '22012': 'a row divides by zero: exclude those rows with where (e.g. where: { col: { $ne: 0 } })',
  '22003': 'a computed value is out of the range of its column type: change the expression, or exclude those rows with where',
};

/**
 * A `db.update` on Cassandra that the cluster (or a row's values) refused after it started: the
 * driver's text (secrets redacted) and code, what to do, and how many rows were updated before.
 * Running the same `db.update` again resumes after the last finished batch.
 * @example throw new CassandraDataUpdateError('users', error, 1200)
 */
export class CassandraDataUpdateError extends DuctapeError {
  constructor(
    table: string,
    cause: unknown,
    readonly rowsUpdated: number,
  ) {
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as { message?: unknown; code?: unknown; name?: unknown };
    const code = typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : undefined;
    const unreachable = e.name === 'NoHostAvailableError' || e.name === 'OperationTimedOutError';
    const what = (code && HINTS[code]) ?? (unreachable ? 'Cassandra could not be reached: check that the cluster is up' : 'fix the values or the rows Cassandra refused');
    const done =
      rowsUpdated > 0
        ? `; ${rowsUpdated} row${rowsUpdated === 1 ? ' was' : 's were'} updated by batches finished before the failure, and running the same db.update again resumes after them`
        : '; running the same db.update again starts over';
    super(ErrorCodes.dataUpdateFailed, `db.update of "${table}" was refused by Cassandra: ${redactSecrets(String(e.message ?? cause)).slice(0, 1000)}${code ? ` [${code}]` : ''}`, `${what}${done}`, {
      cause,
    });
  }
}
