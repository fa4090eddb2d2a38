import type { DropIndexOp, Step } from '@ductape/core';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { qualify } from '../quote.js';
import { ddl } from './step.js';

/**
 * dropIndex → DROP INDEX "keyspace"."name".
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'users_email' }, { keyspace: 'app' })
 */
export function compileDropIndex(op: DropIndexOp, settings: CassandraCompileSettings): Step[] {
  return [ddl(`DROP INDEX ${qualify(settings.keyspace, op.name, 'index')}`, `drop index ${op.name} on ${op.collection}`, undefined, { kind: 'dropIndex', table: op.collection, index: op.name })];
}
