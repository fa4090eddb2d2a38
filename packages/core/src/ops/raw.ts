import { isRecord, type IssueList } from '../helpers/issue-list.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import type { RawOp, RawStatement } from '../model/operation.js';
import { type OperationModule, inverse, noInverse, nothing } from './operation-module.js';

/**
 * `raw`: SQL/CQL text or a driver command for one dialect, run as written; undone by its `down`
 * (without one the migration is irreversible), given in the same shape as the statement (see
 * `rawStatementOf`; the wrapped `{ sql }` / `{ command }` form is still read). An adapter runs the dialects it lists in
 * `capabilities.rawDialects`. Its effect is not modelled (no effects; drift notes it).
 * @example rawModule.inverse({ type: 'raw', dialect: 'postgresql', sql: 'SELECT 1' }) // { ok: false, reason: 'raw postgresql operation has no down' }
 */
export const rawModule: OperationModule<'raw'> = {
  type: 'raw',
  validate(op, path, out) {
    if (typeof op.dialect !== 'string' || op.dialect === '') out.add('raw_without_dialect', `${path}.dialect`, 'a raw operation needs a dialect such as "postgresql"');
    validateRawStatement(op, path, out);
    if (op.down !== undefined) validateRawStatement(rawStatementOf(op.down as RawStatement), `${path}.down`, out);
  },
  inverse(op) {
    if (!op.down) return noInverse(`raw ${op.dialect} operation has no down`);
    const down = rawStatementOf(op.down);
    return inverse(withoutUndefined({ type: 'raw', dialect: op.dialect, sql: down.sql, command: down.command, down: rawUp(op) }));
  },
  effects: nothing.effects,
  unsupported(op, capabilities) {
    if (capabilities.rawDialects.includes(op.dialect)) return undefined;
    return { what: `a raw "${op.dialect}" operation`, reason: `it runs raw operations for ${capabilities.rawDialects.join(', ') || 'no dialect'}` };
  },
  touches: () => [],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  applyToCopy: (_op, copy) => copy.forget(),
  applyInMemory(_collections, op, values) {
    const cmd = op.command ?? {};
    // Stands in for a database driver's own error (never a DuctapeError), as a real adapter's step would throw.
    if (typeof cmd.fail === 'string') throw new Error(cmd.fail);
    if (typeof cmd.set === 'string') values.set(cmd.set, cmd.value);
    if (typeof cmd.delete === 'string') values.delete(cmd.delete);
  },
  summary: (op) => `raw ${op.dialect}`,
  replayFields: (_op, model) => model.raw(),
};

/**
 * A raw statement or its down, in the shape the user gave it, as `{ sql }` or `{ command }`: text
 * (SQL, CQL, PartiQL, a MongoDB command's JSON) is `{ sql }`; an object is the command itself
 * (`{ collMod: 'users', … }`, DynamoDB's `{ command: 'DeleteTable', input }`), unless it is the
 * older wrapped form, an object whose only key is `sql` (text) or `command` (an object):
 * `{ command: { command: 'DeleteTable', input } }` still reads as that command (deprecated).
 * @example rawStatementOf({ command: 'DeleteTable', input: { TableName: 't' } }) // { command: { command: 'DeleteTable', input: { TableName: 't' } } }
 * @example rawStatementOf('DROP TABLE t') // { sql: 'DROP TABLE t' }
 */
export function rawStatementOf(statement: string | RawStatement | { readonly [key: string]: unknown }): RawStatement {
  if (typeof statement === 'string') return { sql: statement };
  if (!isRecord(statement)) return statement as RawStatement;
  const keys = Object.keys(statement);
  const wrapped = keys.length === 1 && ((keys[0] === 'sql' && typeof statement.sql === 'string') || (keys[0] === 'command' && isRecord(statement.command)));
  return wrapped ? (statement as RawStatement) : { command: statement };
}

function rawUp(op: RawOp): RawStatement {
  return withoutUndefined({ sql: op.sql, command: op.command });
}

function validateRawStatement(s: unknown, path: string, out: IssueList): void {
  if (!isRecord(s)) return out.add('invalid_raw', path, 'must be { sql } or { command }');
  const hasSql = typeof s.sql === 'string' && s.sql.trim() !== '';
  const hasCommand = isRecord(s.command);
  if (hasSql === hasCommand) out.add('raw_without_statement', path, 'a raw operation needs exactly one of a non-empty sql text or a command object');
}
