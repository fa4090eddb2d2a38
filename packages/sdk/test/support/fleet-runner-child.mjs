// A fleet runner process for the server tests of fleets: migrates fleet "tenants" (the fleet config
// given) with the built sdk, printing each event as one JSON line {"event":…} on stdout as it
// happens and its summary last, as one JSON line {"summary":…}.
// argv: one JSON object { fleet, env?, concurrency?, lockTimeoutMs?, owner? } (lockTimeoutMs: the sdk's default when left out)
//   fleet: a fleets.tenants config (adapter, options, environments)
//   owner: names this runner's locks (the engine's owner description), e.g. "runner-a pid 42"
import { DatabaseService, migration } from '../../dist/index.js';

const spec = JSON.parse(process.argv[2] ?? '{}');
const env = spec.env ?? 'dev';
// The same three migrations as tenantMigrations() in fleet.ts: the third alters "legacy", a table
// a healthy tenant already has (a tenant without it fails that migration).
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
const config = { products: {}, fleets: { tenants: spec.fleet } };
const engine = spec.owner ? { owner: `${spec.owner} pid ${process.pid}` } : {};
const write = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const summary = await new DatabaseService({ config, vars: {}, engine }).fleet('tenants').up({
  env,
  migrations,
  concurrency: spec.concurrency ?? 4,
  ...(spec.lockTimeoutMs ? { lockTimeoutMs: spec.lockTimeoutMs } : {}),
  onEvent: (event) => write({ event }),
});
write({ summary });
