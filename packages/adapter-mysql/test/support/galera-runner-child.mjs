// Child process of the Galera cluster tests: one runner (its own process, its own connections to
// one node) running `upAll` on a workload. Prints one JSON object a line: ready, progress,
// paused, result or error. Arg: the spec as JSON ({ url, port, workload, count, leaseMs, pause }).
import { MigrationEngine, migration } from '@ductape/core';
import { MysqlAdapter } from '../../dist/index.js';

const spec = JSON.parse(process.argv[2]);
const say = (o) => process.stdout.write(`${JSON.stringify({ ...o, port: spec.port, pid: process.pid, at: Date.now() })}\n`);
const AT = Date.UTC(2026, 0, 1);

/** `marker`: a raw INSERT per migration; `tables`: a table, an index, a marker; `steps`: a table, an index, a field (no raw step). */
function workload(kind, count) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const name = `galera_${kind}_${n}`;
    const marker = [`INSERT INTO galera_marker (migration) VALUES ('${name}')`, { down: `DELETE FROM galera_marker WHERE migration = '${name}'` }];
    let b = migration(name).at(new Date(AT + i * 1000));
    if (kind === 'marker') return b.raw('mysql', ...marker).build();
    b = b
      .createCollection(`gt_${n}`, [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'name', type: 'string', length: 64 },
      ])
      .createIndex(`gt_${n}`, `gt_${n}_name`, ['name']);
    return kind === 'tables' ? b.raw('mysql', ...marker).build() : b.addField(`gt_${n}`, 'extra', { type: 'integer' }).build();
  });
}

/** Blocks this process (no statement, no lease renewal) as a runner frozen mid-migration. */
function freeze(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

try {
  const adapter = new MysqlAdapter({ connection: spec.url, logger: false });
  await adapter.connect();
  say({ type: 'ready', lock: adapter.lock.mode });
  const engine = new MigrationEngine(adapter, {
    owner: `galera runner pid ${process.pid} on port ${spec.port}`,
    lockTimeoutMs: 600_000,
    leaseMs: spec.leaseMs,
    onProgress: (e) => {
      if (e.type === 'migration:start' || e.type === 'migration:done' || e.type === 'step:reconciled') say({ type: 'progress', event: e.type, name: e.name, outcome: e.outcome });
      const p = spec.pause;
      if (p && e.type === p.event && (p.migration === '*' || e.name === p.migration) && (p.index === undefined || e.index === p.index)) {
        say({ type: 'paused', name: e.name, index: e.index });
        freeze(p.ms);
      }
    },
  });
  const results = await engine.upAll(workload(spec.workload, spec.count));
  const outcomes = {};
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  say({ type: 'result', outcomes, applied: results.filter((r) => r.outcome !== 'skipped').map((r) => r.name) });
  await adapter.close().catch(() => undefined);
  process.exit(0);
} catch (error) {
  say({ type: 'error', name: error?.constructor?.name, code: error?.code, message: String(error?.message ?? error).slice(0, 500) });
  process.exit(1);
}
