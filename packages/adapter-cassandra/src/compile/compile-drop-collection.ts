import type { DropCollectionOp, Step } from '@ductape/core';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { qualify } from '../quote.js';
import { ddl } from './step.js';

/**
 * dropCollection → DROP TABLE (its indexes go with it).
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }, { keyspace: 'app' })
 */
export function compileDropCollection(op: DropCollectionOp, settings: CassandraCompileSettings): Step[] {
  return [ddl(`DROP TABLE ${qualify(settings.keyspace, op.name)}`, `drop table ${op.name}`, undefined, { kind: 'dropTable', table: op.name })];
}
