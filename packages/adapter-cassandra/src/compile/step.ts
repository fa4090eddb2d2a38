import type { NoopStep, StatementStep } from '@ductape/core';

/**
 * A CQL statement step. `schemaChange` marks DDL: execute waits for schema agreement after it.
 * `saiIndex` names a storage-attached index the step creates: execute waits until it is queryable.
 */
export interface CassandraStatementStep extends StatementStep {
  readonly schemaChange?: boolean;
  readonly saiIndex?: string;
}

/**
 * A DDL step (no parameters: CQL DDL takes none; literals are quoted by quoteLiteral).
 * @example ddl('DROP TABLE "app"."users"', 'drop table users')
 */
export function ddl(text: string, summary: string, saiIndex?: string): CassandraStatementStep {
  return { kind: 'statement', text, summary, schemaChange: true, ...(saiIndex !== undefined ? { saiIndex } : {}) };
}

/**
 * A step that changes nothing in Cassandra, with the reason (e.g. a length change: text has no length).
 * @example noop('modifyField users.email', 'Cassandra text has no length')
 */
export function noop(summary: string, reason: string): NoopStep {
  return { kind: 'noop', summary: `${summary}: nothing to do on Cassandra (${reason})`, reason };
}
