// The main job: the spec's Quick Example on the embedded database (PGlite under .ductape/ in
// this directory, zero configuration), then what Ductape recorded about it. Run it again and
// the create is refused with "already exists", as the spec's troubleshooting section shows.
import { DatabaseService, MigrationEngine } from '@ductape/sdk';

const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

try {
  // Create table - automatically generates and applies a migration
  const result = await db.schema.create(
    'users',
    {
      id: { type: 'uuid', primaryKey: true },
      email: { type: 'string', length: 255, required: true, unique: true },
      name: { type: 'string', length: 100 },
    },
    { timestamps: true },
  );

  // The migration is tracked and can be replayed
  console.log('Migration:', result.migration.tag);
  console.log('Plan it ran:');
  for (const step of new MigrationEngine(db.getAdapter()).plan(result.migration).steps) console.log(`  ${step.summary}`);
  console.log('Down:', JSON.stringify(result.migration.down));
} catch (error) {
  if (!error.message.includes('already exists')) throw error;
  console.log('Migration already applied, skipping (delete tooling/example/.ductape to start over)');
}

console.log('History:');
for (const entry of await new MigrationEngine(db.getAdapter()).getHistory()) {
  console.log(`  ${entry.tag}  ${entry.status}  ${entry.stepsApplied}/${entry.stepsTotal} steps  checksum ${entry.checksum.slice(0, 12)}…`);
}
const users = await db.getAdapter().introspect('users');
console.log('Table users:', users.fields.map((f) => `${f.name} ${f.type}${f.length ? `(${f.length})` : ''}`).join(', '));
await db.disconnect();
