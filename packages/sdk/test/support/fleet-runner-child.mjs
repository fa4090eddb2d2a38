// A runner process for the two-runner fleet test: migrates every schema matching tenant\_% of one
// PostgreSQL database with the built sdk, then prints its summary as one JSON line.
// argv: url concurrency
import { DatabaseService, migration } from '../../dist/index.js';

const [url, concurrency] = process.argv.slice(2);
const migrations = [
  migration('create_users')
    .createCollection('users', [
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'email', type: 'string', length: 255 },
    ])
    .build(),
  migration('add_phone').addField('users', { name: 'phone', type: 'string', length: 20 }).build(),
  migration('add_legacy_note').addField('legacy', { name: 'note', type: 'text' }).build(),
];
const config = { products: {}, fleets: { tenants: { adapter: '@ductape/adapter-postgres', environments: { dev: { discover: { schemasLike: 'tenant\\_%', url } } } } } };
const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'dev', migrations, concurrency: Number(concurrency), lockTimeoutMs: 60_000 });
console.log(JSON.stringify(summary));
