import { DuctapeError, ErrorCodes } from '@ductape/core';

/** The two constraints MySQL/MariaDB refuse on the same column. */
export interface CheckForeignKeyConflict {
  readonly table: string;
  readonly column: string;
  /** The CHECK constraint's name. */
  readonly check: string;
  /** The foreign key's name. */
  readonly foreignKey: string;
  /** e.g. 'ON UPDATE CASCADE'. */
  readonly action: string;
  /** Which of the two the migration adds (the other one exists, or is added too). */
  readonly adding: 'check' | 'foreignKey';
}

/**
 * A CHECK constraint and a foreign key whose referential action changes the column (ON UPDATE
 * CASCADE, ON UPDATE SET NULL, ON DELETE SET NULL) on the same column: MySQL and MariaDB refuse
 * the second of them (errno 1901 on MariaDB, 3823 on MySQL) after the steps before it ran. Found
 * before any IO: at compile time when the migration adds both, else by reading the live table
 * before the migration's first step (or before the step itself, when earlier steps of the
 * migration change that table). A ValidationError (code DUCTAPE_VALIDATION).
 * @example throw new CheckForeignKeyConflictError({ table: 'child', column: 'pid', check: 'child_ck', foreignKey: 'child_fk', action: 'ON UPDATE CASCADE', adding: 'check' }, 'compile');
 */
export class CheckForeignKeyConflictError extends DuctapeError {
  readonly table: string;
  readonly column: string;
  readonly check: string;
  readonly foreignKey: string;

  constructor(c: CheckForeignKeyConflict, when: 'compile' | 'preflight' | 'execute') {
    const fix = `drop the check first (.dropConstraint('${c.table}', '${c.check}')), or give foreign key "${c.foreignKey}" RESTRICT, NO ACTION or ON DELETE CASCADE instead of ${c.action}, or check another column`;
    const after =
      when === 'execute'
        ? "this step changed nothing; steps of the migration before it did, so roll them back with up(m, { recover: 'compensate' }) before you change the migration"
        : 'nothing was changed in the database';
    const adding = c.adding === 'check' ? `check "${c.check}"` : `foreign key "${c.foreignKey}"`;
    super(
      ErrorCodes.validation,
      `cannot add ${adding} on "${c.table}": check "${c.check}" names column "${c.column}", which foreign key "${c.foreignKey}" changes (${c.action}); MySQL and MariaDB refuse a CHECK on a column a referential action changes`,
      `${fix}; ${after}`,
    );
    this.table = c.table;
    this.column = c.column;
    this.check = c.check;
    this.foreignKey = c.foreignKey;
  }
}
