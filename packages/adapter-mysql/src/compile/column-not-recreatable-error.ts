import { DuctapeError, ErrorCodes } from '@ductape/core';

/**
 * A column whose definition introspection could not keep whole (its native type holds
 * `<not kept>`): a generated column's expression, a default expression, a comment or `SET`/`ENUM`
 * values with a `;`, backslash, comment marker or control character, which core's native type refuses. Refused at compile time, before any IO,
 * wherever the column would be written or its drop recorded: the down of a drop would recreate
 * another column. Code DUCTAPE_IRREVERSIBLE.
 * @example throw new ColumnNotRecreatableError('orders', 'total', 'GENERATED', 'int(11) GENERATED ALWAYS AS (<not kept>) VIRTUAL', 'drop');
 */
export class ColumnNotRecreatableError extends DuctapeError {
  readonly table: string;
  readonly column: string;
  /** Which part was not kept: 'GENERATED', 'DEFAULT', 'ON UPDATE', 'COMMENT' or 'type'. */
  readonly part: string;

  constructor(table: string, column: string, part: string, native: string, action: 'drop' | 'modify' | 'write') {
    const what = part === 'type' ? 'its type holds values a native type cannot carry' : `its ${part} clause holds text a native type cannot carry`;
    const why = ' (a ";", a backslash, a comment marker or a control character, or over 500 characters)';
    const head =
      action !== 'write'
        ? `${action === 'drop' ? 'dropping' : 'changing'} column "${column}" of "${table}" could not be undone: ${what}${why}`
        : `column "${column}" of "${table}" cannot be written as introspection read it (${JSON.stringify(native)}): ${what}${why}`;
    super(
      ErrorCodes.irreversible,
      head,
      `pass previous yourself with the definition the down should recreate (e.g. { previous: { name: '${column}', type: 'native', native: '<type>' } }), or make the change with raw('mysql', 'ALTER TABLE …') and a raw down that re-adds the column as SHOW CREATE TABLE prints it; nothing was changed in the database`,
    );
    this.table = table;
    this.column = column;
    this.part = part;
  }
}
