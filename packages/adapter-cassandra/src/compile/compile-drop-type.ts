import type { DropTypeOp, Step } from '@ductape/core';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { qualify } from '../quote.js';
import { ddl } from './step.js';

/**
 * dropType → `DROP TYPE "ks"."name"` (Cassandra refuses it while a column or another type uses it).
 * @example compileDropType({ type: 'dropType', name: 'address' }, { keyspace: 'app' }) // [DROP TYPE "app"."address"]
 */
export function compileDropType(op: DropTypeOp, settings: CassandraCompileSettings): Step[] {
  return [ddl(`DROP TYPE ${qualify(settings.keyspace, op.name, 'type')}`, `drop type ${op.name}`, undefined, { kind: 'other', what: `type ${op.name}` })];
}
