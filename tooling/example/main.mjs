// Builds the spec's "create users" migration, prints its plan, applies it through the engine on
// the in-memory adapter, applies it again (skipped: same checksum), and prints the history.
import { MigrationEngine, MigrationHelpers, migration } from '@ductape/core';
import { MemoryAdapter } from '@ductape/core/testing';

const usersMigration = migration('create_users_with_indexes')
  .description('Create users table with all indexes')
  .createCollection('users', [
    { name: 'id', type: 'uuid', primaryKey: true },
    { name: 'email', type: 'string', length: 255, unique: true },
    { name: 'name', type: 'string', length: 100 },
    { name: 'status', type: 'enum', enumValues: ['active', 'inactive'] },
  ], { timestamps: true })
  .createIndex('users', 'idx_users_email', [{ name: 'email' }], { unique: true })
  .createIndex('users', 'idx_users_status', [{ name: 'status' }])
  .build();

const engine = new MigrationEngine(new MemoryAdapter({ transactionalDdl: true }), {
  onProgress: (e) => {
    if (e.type === 'step:done') console.log(`  ✓ step ${e.index + 1}/${e.total} ${e.summary} (${e.ms} ms)`);
  },
});

console.log(`Migration ${usersMigration.tag}, checksum ${MigrationHelpers.checksum(usersMigration).slice(0, 16)}…`);
console.log('Plan:');
for (const step of engine.plan(usersMigration).steps) console.log(`  - ${step.summary}`);

console.log('Apply:');
const first = await engine.up(usersMigration);
const second = await engine.up(usersMigration);
console.log(`First run: ${first.outcome}; second run: ${second.outcome}`);

console.log('History:');
for (const entry of await engine.getHistory()) {
  console.log(`  ${entry.tag}  ${entry.status}  ${entry.stepsApplied}/${entry.stepsTotal} steps  applied at ${entry.appliedAt?.toISOString()}`);
}
console.log('Down operations:', JSON.stringify(usersMigration.down.map((op) => op.type)));
