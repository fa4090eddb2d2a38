import { DuctapeError, ErrorCodes } from '@ductape/core';
import type { KeyProblem } from './index-key-length.js';

/**
 * An index InnoDB would refuse (key too long, a TEXT/BLOB column without a prefix, a prefix on a
 * number) or silently shorten, found before the statement runs. Code DUCTAPE_VALIDATION. Thrown at
 * compile time (plan, before any IO) when the migration defines the columns, else by the step
 * itself, after reading the columns and before its CREATE/ALTER runs.
 * @example throw new IndexKeyTooLongError('posts', 'ix_posts', { column: 'body', reason: 'TEXT can only be indexed by a prefix of it', suggestedLength: 513 }, 'compile');
 */
export class IndexKeyTooLongError extends DuctapeError {
  readonly table: string;
  readonly index: string;
  readonly column: string;
  readonly suggestedLength: number | undefined;

  constructor(table: string, index: string, problem: KeyProblem, when: 'compile' | 'execute') {
    const fix =
      problem.suggestedLength === undefined
        ? `change the index so column "${problem.column}" is not in it as written`
        : `index a prefix of the column: createIndex('${table}', '${index}', [{ name: '${problem.column}', length: ${problem.suggestedLength} }, …]) (the longest that fits; a shorter one is fine)`;
    const after =
      when === 'compile'
        ? 'nothing was changed in the database'
        : "this step changed nothing; steps of the migration before it did, so roll them back with up(m, { recover: 'compensate' }) before you change the migration";
    super(ErrorCodes.validation, `MySQL/MariaDB cannot index column "${problem.column}" of "${table}" in index "${index}" as written: ${problem.reason}`, `${fix}; ${after}`);
    this.table = table;
    this.index = index;
    this.column = problem.column;
    this.suggestedLength = problem.suggestedLength;
  }
}
