import type { NoopStep, StatementStep } from '@ductape/core';
import type { SchemaEffect, StepOrigin } from './schema-effect.js';

/**
 * A CQL statement step. `schemaChange` marks DDL: execute waits for schema agreement after it.
 * `saiIndex` names a storage-attached index the step creates: execute waits until it is queryable.
 * `effect` says what the step does to tables, columns and indexes, for preflight to replay over
 * the live schema (`origin`: the op it comes from).
 */
export interface CassandraStatementStep extends StatementStep {
  readonly schemaChange?: boolean;
  readonly saiIndex?: string;
  readonly effect?: SchemaEffect;
  readonly origin?: StepOrigin;
}

/**
 * A DDL step (no parameters: CQL DDL takes none; literals are quoted by quoteLiteral).
 * @example ddl('DROP TABLE "app"."users"', 'drop table users')
 */
export function ddl(text: string, summary: string, saiIndex?: string, effect?: SchemaEffect): CassandraStatementStep {
  return { kind: 'statement', text, summary, schemaChange: true, ...(saiIndex !== undefined ? { saiIndex } : {}), ...(effect !== undefined ? { effect } : {}) };
}

/**
 * A step that changes nothing in Cassandra, with the reason (e.g. a length change: text has no length).
 * @example noop('modifyField users.email', 'Cassandra text has no length')
 */
export function noop(summary: string, reason: string): NoopStep {
  return { kind: 'noop', summary: `${summary}: nothing to do on Cassandra (${reason})`, reason };
}
