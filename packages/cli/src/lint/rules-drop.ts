import type { LintRule } from './lint-types.js';

/** Dropping a table loses its rows; down recreates the table, not the data. */
export const dropCollectionRule: LintRule = {
  id: 'drop-collection',
  description: 'dropCollection deletes a table and all its rows',
  check: ({ op }) =>
    op.type === 'dropCollection'
      ? [{ severity: 'error', message: `drops table "${op.name}" and all its rows`, hint: 'back it up first and make sure no running code reads it; rollback recreates the table, not the rows' }]
      : [],
};

/** Dropping a field loses its values and breaks code still reading it. */
export const dropFieldRule: LintRule = {
  id: 'drop-field',
  description: 'dropField deletes a column and its values',
  check: ({ op, newTable }) =>
    op.type === 'dropField' && !newTable
      ? [
          {
            severity: 'error',
            message: `drops field "${op.collection}.${op.field}" and its values`,
            hint: 'deploy code that no longer uses it first (expand/contract); rollback re-adds the column empty',
          },
        ]
      : [],
};

/** Renaming a table breaks every running instance that still queries the old name. */
export const renameCollectionRule: LintRule = {
  id: 'rename-collection',
  description: 'renameCollection breaks code still using the old table name',
  check: ({ op }) =>
    op.type === 'renameCollection'
      ? [
          {
            severity: 'error',
            message: `renames table "${op.from}" to "${op.to}": running code using "${op.from}" breaks at once`,
            hint: 'deploy code that reads both names first (e.g. a view under the old name), or rename in a maintenance window',
          },
        ]
      : [],
};

/** Renaming breaks every running instance that still uses the old name. */
export const renameFieldRule: LintRule = {
  id: 'rename-field',
  description: 'renameField breaks code still using the old name',
  check: ({ op, newTable }) =>
    op.type === 'renameField' && !newTable
      ? [
          {
            severity: 'error',
            message: `renames "${op.collection}.${op.from}" to "${op.to}": running code using "${op.from}" breaks at once`,
            hint: 'expand/contract: add the new field, write both, backfill, switch reads, then drop the old one',
          },
        ]
      : [],
};
