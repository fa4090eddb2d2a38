import { DuctapeError, ErrorCodes } from '@ductape/core';

/** A foreign key that uses a column: on its own table, or referencing it from another. */
export interface ForeignKeyUse {
  /** The foreign key's name. */
  readonly name: string;
  /** The table the foreign key is on. */
  readonly table: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
}

/**
 * A dropField of a column a foreign key uses (a column of the key, or one it references), which
 * MySQL/MariaDB refuse (errno 1553, 1828, 1829, 3959) after the steps before it ran. Found before
 * the statement: at compile time (plan, before any IO) when the migration itself defines the
 * foreign key, else by the step, which reads information_schema before its ALTER runs. Code
 * DUCTAPE_VALIDATION.
 * @example throw new ColumnInForeignKeyError('child', 'parentId', { name: 'fk_child_parent', table: 'child', columns: ['parentId'], referencedTable: 'parent', referencedColumns: ['id'] }, 'compile');
 */
export class ColumnInForeignKeyError extends DuctapeError {
  readonly table: string;
  readonly column: string;
  /** The foreign key's name. */
  readonly constraint: string;
  /** The table the foreign key is on (where dropConstraint must run). */
  readonly constraintTable: string;

  constructor(table: string, column: string, fk: ForeignKeyUse, when: 'compile' | 'execute') {
    const key = `${fk.table}(${fk.columns.join(', ')}) → ${fk.referencedTable}(${fk.referencedColumns.join(', ')})`;
    const role = fk.table === table && fk.columns.includes(column) ? 'is a column of' : 'is referenced by';
    const after =
      when === 'compile'
        ? 'nothing was changed in the database'
        : "this step changed nothing; steps of the migration before it did, so roll them back with up(m, { recover: 'compensate' }) before you change the migration";
    super(
      ErrorCodes.validation,
      `column "${column}" of "${table}" ${role} foreign key "${fk.name}" (${key}); MySQL/MariaDB refuse to drop it while the key exists`,
      `drop the constraint first: .dropConstraint('${fk.table}', '${fk.name}') before .dropField('${table}', '${column}') (in the same migration; its down adds the key back); ${after}`,
    );
    this.table = table;
    this.column = column;
    this.constraint = fk.name;
    this.constraintTable = fk.table;
  }
}
