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

export interface UpdateOptions {
  /** Rows per batch (default 5,000); each batch is its own short transaction. */
  readonly batchSize?: number;
  /** Called after every batch. */
  readonly onProgress?: (progress: { readonly rowsUpdated: number; readonly batches: number }) => void;
}

export interface UpdateResult {
  readonly rowsUpdated: number;
  readonly batches: number;
}

export const VALUE_OPERATORS = ['$CONCAT', '$COALESCE', '$LOWER', '$UPPER', '$ADD', '$SUB', '$MUL', '$DIV'] as const;
export const CONDITION_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in'] as const;
