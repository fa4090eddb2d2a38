import { migration, type Migration, type Operation, type Step } from '@ductape/core';
import { MARIADB_DIALECT, MYSQL_DIALECT, compileMysql, type MysqlDialect, type MysqlStatementStep } from '../../src/shared.js';

const AT = new Date('2024-01-15T14:30:52Z');

/** A built migration of the given ops (validated by core, as the engine would). */
export function build(name: string, ...ops: Operation[]): Migration {
  let b = migration(name).at(AT);
  for (const op of ops) b = b.operation(op);
  return b.build();
}

/** Golden form of steps: the SQL that runs first, then each fallback on its own line (`  ↳ `). */
export function golden(steps: readonly Step[]): string[] {
  return steps.map((s) => {
    if (s.kind === 'command') return `${s.name} ${JSON.stringify(s.args)}`;
    if (s.kind === 'noop') return `noop: ${s.reason}`;
    const fallbacks = (s as MysqlStatementStep).fallbacks ?? [];
    return [s.text, ...fallbacks.map((f) => `  ↳ ${f.blocksWrites ? '[blocks writes] ' : ''}${f.text}`)].join('\n');
  });
}

/** Compiles every op of `m` in `direction`, as the engine does. */
export function compileAll(m: Migration, direction: 'up' | 'down' = 'up', dialect: MysqlDialect = MYSQL_DIALECT, options: Record<string, unknown> = {}): string[] {
  const ops = direction === 'up' ? m.up : m.down;
  return ops.flatMap((op, index) => golden(compileMysql(op, { migration: m, direction, index, options }, dialect)));
}

/** Compiles one op alone in its migration (so its table counts as existing): MySQL 8 SQL. */
export function mysql(op: Operation, options: Record<string, unknown> = {}): string[] {
  return compileAll(build('one', op), 'up', MYSQL_DIALECT, options);
}

/** The same for MariaDB (10.7+: native UUID). */
export function mariadb(op: Operation, options: Record<string, unknown> = {}): string[] {
  return compileAll(build('one', op), 'up', MARIADB_DIALECT, options);
}
