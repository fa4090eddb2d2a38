/** A literal value in a data migration. */
export type Literal = string | number | boolean | null;

/**
 * A value computed per row. Inside an operator, a string that names a column of the table is
 * that column; any other string is text. `{ $col: 'x' }` and `{ $literal: 'x' }` force either.
 * At the top level of `data`, a plain value is always a literal.
 */
export type ValueExpression =
  | Literal
  | { readonly $col: string }
  | { readonly $literal: Literal }
  | { readonly $CONCAT: readonly ValueExpression[] }
  | { readonly $COALESCE: readonly ValueExpression[] }
  | { readonly $LOWER: ValueExpression }
  | { readonly $UPPER: ValueExpression }
  | { readonly $ADD: readonly [ValueExpression, ValueExpression] }
  | { readonly $SUB: readonly [ValueExpression, ValueExpression] }
  | { readonly $MUL: readonly [ValueExpression, ValueExpression] }
  | { readonly $DIV: readonly [ValueExpression, ValueExpression] };

/** A condition on one column: a value (equality; null means IS NULL) or comparisons. */
export type FieldCondition =
  | Literal
  | {
      readonly $eq?: Literal;
      readonly $ne?: Literal;
      readonly $gt?: Literal;
      readonly $gte?: Literal;
      readonly $lt?: Literal;
      readonly $lte?: Literal;
      readonly $in?: readonly Literal[];
    };

/** `db.update({ table, data, where })`: set `data` on every row matching `where` (all conditions must hold). */
export interface UpdateRequest {
  readonly table: string;
  readonly data: { readonly [column: string]: ValueExpression };
  readonly where?: { readonly [column: string]: FieldCondition };
}

/**
 * Where a `db.update` stands, after every batch. `rowsDone` and `total` count the same unit: on
 * PostgreSQL, MySQL/MariaDB and MongoDB the rows matching `where` (total: an exact count taken
 * before the first batch); on DynamoDB and Cassandra, which read every row and evaluate it, the
 * rows read (DynamoDB total: the table's ItemCount estimate; Cassandra: no cheap estimate, so
 * undefined). Without a total there is no ETA.
 */
export interface UpdateProgress {
  /** Rows updated so far, including batches of an interrupted earlier run of the same update. */
  readonly rowsUpdated: number;
  /** Batches committed by this run. */
  readonly batches: number;
  /** Rows worked through so far (see above for the unit per database). */
  readonly rowsDone: number;
  /** Rows to work through in all, when known. */
  readonly total: number | undefined;
  /** `rowsDone` per second over this run (0 before the first batch finished). */
  readonly rowsPerSecond: number;
  /** Milliseconds left at that rate, when `total` is known. */
  readonly etaMs: number | undefined;
}

export interface UpdateOptions {
  /** Rows per batch at most (default 5,000; 1,000 on DynamoDB and Cassandra); each batch is its own short transaction. */
  readonly batchSize?: number;
  /**
   * The longest a batch should take, in ms (default 200): a batch that took longer halves the
   * next one (down to 100 rows, or batchSize if smaller), a batch that took at most half of it
   * doubles the next one back toward batchSize. A writer waiting on a row of a batch waits up to
   * the batch's time, so this bounds its wait.
   */
  readonly maxLockMs?: number;
  /** Count the rows and show the statements; change nothing. */
  readonly dryRun?: boolean;
  /** Called after every batch. With it, the adapter first counts the rows to go (for `total` and the ETA). */
  readonly onProgress?: (progress: UpdateProgress) => void;
  /**
   * Called after every committed batch with the rows updated so far. Unlike `onProgress` it does
   * not make the adapter count the rows first (a full scan on a large table), so a caller that
   * only needs to know how far a run got (e.g. to say so in an error) costs nothing.
   * @example await db.update(request, { onBatch: (rows) => { done = rows; } })
   */
  readonly onBatch?: (rowsUpdated: number) => void;
}

/** One statement (or command) a `db.update` would run, as a dry run shows it. */
export interface PlannedStatement {
  /** What it does and when it runs. */
  readonly description: string;
  /** SQL or CQL text with `$n` / `?` placeholders. */
  readonly text?: string;
  /** The placeholders' values, in order. */
  readonly params?: readonly unknown[];
  /** A command of a database without a text language (a MongoDB filter and update, a DynamoDB request). */
  readonly command?: { readonly [key: string]: unknown };
}

/** What a dry run found: the rows a real run would update now, and what it would run. */
export interface UpdateDryRun {
  readonly rowsToUpdate: number;
  readonly statements: readonly PlannedStatement[];
}

export interface UpdateResult {
  readonly rowsUpdated: number;
  readonly batches: number;
  /** The longest batch of this run in ms (the longest any row lock was held by it); 0 when no batch ran. */
  readonly longestBatchMs?: number;
  /** Only with `{ dryRun: true }`: then nothing was changed and rowsUpdated and batches are 0. */
  readonly dryRun?: UpdateDryRun;
}

export const VALUE_OPERATORS = ['$CONCAT', '$COALESCE', '$LOWER', '$UPPER', '$ADD', '$SUB', '$MUL', '$DIV'] as const;
export const CONDITION_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in'] as const;
