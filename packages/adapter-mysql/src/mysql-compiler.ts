import { type CompileContext, type Operation, type OperationCompilers, type Step, UnsupportedOperationError, compileWith } from '@ductape/core';
import { conflictProbes } from './compile/check-foreign-key-conflict.js';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAlterCollectionOptions } from './compile/compile-alter-collection-options.js';
import { compileAlterType } from './compile/compile-alter-type.js';
import { compileAddField } from './compile/compile-add-field.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileCreateType } from './compile/compile-create-type.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropType } from './compile/compile-drop-type.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRaw } from './compile/compile-raw.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { MYSQL_DIALECT, type MysqlCompileSettings } from './mysql-compile-settings.js';

/** Raw dialect names each flavor runs: MariaDB also runs raw 'mysql' SQL (it speaks MySQL). */
export function rawDialectsOf(dialect: MysqlCompileSettings): readonly string[] {
  return dialect.flavor === 'mariadb' ? ['mariadb', 'mysql'] : ['mysql'];
}

/**
 * Compiles one operation to MySQL-family steps. Pure: no IO, the same input gives the same steps.
 * `dialect` says MySQL 8 or MariaDB (native UUID from 10.7); `ctx.options.online === false`
 * drops the ALGORITHM/LOCK clauses.
 * @example
 * compileMysql(
 *   { type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } },
 *   { migration: m, direction: 'up', index: 0, options: {} },
 * )[0].text
 * // 'ALTER TABLE `users` ADD COLUMN `phone` VARCHAR(20) NULL, ALGORITHM=INSTANT'
 */
export function compileMysql(op: Operation, ctx: CompileContext, dialect: MysqlCompileSettings = MYSQL_DIALECT): Step[] {
  const steps = compileOp(op, ctx, dialect);
  // A CHECK and a foreign key that changes its column are refused by the server: refused here
  // when the migration adds both, else looked for in the live tables before the first step.
  const conflicts = conflictProbes(op, ctx);
  const [first, ...rest] = steps;
  return first && conflicts.length > 0 ? [{ ...first, conflicts } as unknown as Step, ...rest] : steps;
}

interface MysqlCompileInput {
  readonly ctx: CompileContext;
  readonly dialect: MysqlCompileSettings;
}

/** One compiler per core operation (compile/compile-<op>.ts): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<MysqlCompileInput> = {
  createCollection: (op, { dialect }) => compileCreateCollection(op, dialect),
  dropCollection: (op) => compileDropCollection(op),
  addField: (op, { ctx, dialect }) => compileAddField(op, ctx, dialect),
  dropField: (op, { ctx }) => compileDropField(op, ctx),
  renameCollection: (op) => compileRenameCollection(op),
  renameField: (op, { ctx, dialect }) => compileRenameField(op, ctx, dialect),
  modifyField: (op, { ctx, dialect }) => compileModifyField(op, ctx, dialect),
  createIndex: (op, { ctx, dialect }) => compileCreateIndex(op, ctx, dialect),
  dropIndex: (op, { ctx }) => compileDropIndex(op, ctx),
  addConstraint: (op, { ctx }) => compileAddConstraint(op, ctx),
  dropConstraint: (op, { ctx }) => compileDropConstraint(op, ctx),
  alterCollectionOptions: (op, { dialect }) => compileAlterCollectionOptions(op, dialect),
  createType: (op, { dialect }) => compileCreateType(op, dialect),
  alterType: (op, { dialect }) => compileAlterType(op, dialect),
  dropType: (op, { dialect }) => compileDropType(op, dialect),
  raw: (op, { dialect }) => {
    const accepted = rawDialectsOf(dialect);
    if (!accepted.includes(op.dialect)) throw new UnsupportedOperationError(dialect.flavor, `a raw "${op.dialect}" operation`, `it runs raw operations for ${accepted.join(', ')}`);
    return compileRaw(op);
  },
};

function compileOp(op: Operation, ctx: CompileContext, dialect: MysqlCompileSettings): Step[] {
  return compileWith(COMPILERS, op, { ctx, dialect });
}
