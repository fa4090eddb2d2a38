/**
 * A row the shared evaluator cannot compute, with PostgreSQL's SQLSTATE as `code` (`22012`
 * division by zero, `22003` a number out of its column's range), so every database reports the
 * same failure the same way: the sdk's `db.update` turns it into `DUCTAPE_DATA_UPDATE_FAILED`
 * with the hint for that code and the rows updated before it.
 * @example throw new RowEvaluationError('22012', 'division by zero in $DIV')
 */
export class RowEvaluationError extends Error {
  constructor(
    readonly code: '22012' | '22003',
    message: string,
  ) {
    super(message);
    this.name = 'RowEvaluationError';
  }
}
