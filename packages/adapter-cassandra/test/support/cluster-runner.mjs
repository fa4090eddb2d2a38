// One runner process of the ring tests: connects through its own first contact point (the other
// nodes follow it in the list), runs `up` on the 20 cluster migrations, prints one JSON line:
// { applied: [names this runner applied], error?: { name, code, message, disagreeing } }.
// argv: contactPoints(comma-separated) keyspace datacenter [count: the first N of the 20] [schemaAgreementTimeoutMs]
import { MigrationEngine } from '@ductape/core';
import { CassandraAdapter } from '../../dist/index.js';
import { clusterMigrations } from './cluster-migrations.mjs';

const [contactPoints, keyspace, dc, count = '20', agreementMs = '30000'] = process.argv.slice(2);
const adapter = new CassandraAdapter({
  contactPoints: contactPoints.split(','),
  localDataCenter: dc,
  keyspace,
  replication: { class: 'SimpleStrategy', replication_factor: 3 },
  schemaAgreementTimeoutMs: Number(agreementMs),
});
const began = Date.now();
const out = { applied: [] };
const log = (what) => console.error(`${Date.now() - began} ms ${what}`);
try {
  await adapter.connect();
  log('connected');
  const engine = new MigrationEngine(adapter, {
    lockTimeoutMs: 600_000,
    leaseMs: 30_000,
    owner: `runner ${process.pid} via ${contactPoints.split(',')[0]}`,
    onProgress: (e) => log(`${e.type} ${e.name ?? ''} ${e.index ?? ''}`),
  });
  const results = await engine.upAll(clusterMigrations().slice(0, Number(count)));
  out.applied = results.filter((r) => r.outcome === 'applied' || r.outcome === 'resumed').map((r) => r.name);
} catch (error) {
  const cause = error?.cause;
  const typed = cause?.code ? cause : error;
  out.error = { name: typed?.name, code: typed?.code, message: String(error?.message ?? error), disagreeing: typed?.disagreeing ?? error?.disagreeing };
} finally {
  await adapter.close().catch(() => undefined);
}
out.ms = Date.now() - began;
console.log(JSON.stringify(out));
