export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = ['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'];

export interface ForeignKeyConstraint {
  readonly name: string;
  readonly type: 'foreignKey';
  readonly columns: readonly string[];
  readonly references: {
    readonly table: string;
    readonly columns: readonly string[];
    readonly onDelete?: ReferentialAction;
    readonly onUpdate?: ReferentialAction;
  };
}

export interface UniqueConstraint {
  readonly name: string;
  readonly type: 'unique';
  readonly columns: readonly string[];
}

export interface CheckConstraint {
  readonly name: string;
  readonly type: 'check';
  /** A boolean expression in the database's SQL. */
  readonly expression: string;
}

export interface PrimaryKeyConstraint {
  readonly name: string;
  readonly type: 'primaryKey';
  readonly columns: readonly string[];
}

export type ConstraintDefinition = ForeignKeyConstraint | UniqueConstraint | CheckConstraint | PrimaryKeyConstraint;

export const CONSTRAINT_TYPES: readonly ConstraintDefinition['type'][] = ['foreignKey', 'unique', 'check', 'primaryKey'];
