// pg-status: getStatus with N (10,000) applied migrations recorded in history. Reports the first
// call of a fresh engine (history read + a checksum of every defined migration) and warm calls.
import { loadavg } from 'node:os';
import { MigrationEngine, checksum, migration } from '@ductape/core';
import { PostgresAdapter } from '@ductape/adapter-postgres';
import { freshDatabase, median, serverUrl, since, where } from './server.mjs';

function definitions(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      migration(`m${String(i).padStart(5, '0')}`)
        .at(new Date(Date.UTC(2024, 0, 1) + i * 1000))
        .createCollection(`t_${i}`, { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255, unique: true }, created_at: 'datetime' })
        .createIndex(`t_${i}`, `t_${i}_email`, ['email'])
        .build(),
    );
  }
  return out;
}

export async function run(args) {
  const n = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 10_000;
  const server = serverUrl();
  const db = await freshDatabase(server, 'status');
  console.log(`pg-status: getStatus with ${n} applied migrations on ${where(server)}`);
  try {
    // Record N applied migrations (history rows as the engine writes them; the DDL itself is not needed).
    const seed = new PostgresAdapter({ url: db.url });
    await seed.connect();
    await seed.history.ensure();
    const recorded = definitions(n);
    const t0 = performance.now();
    await seed.withSession('transaction', async (session) => {
      for (const m of recorded) {
        const now = new Date();
        await seed.history.save(
          {
            name: m.name,
            tag: m.tag,
            checksum: checksum(m),
            status: 'applied',
            direction: 'up',
            appliedAt: now,
            startedAt: now,
            executionMs: 5,
            stepsApplied: 2,
            stepsTotal: 2,
            error: null,
            appliedBy: 'bench',
            migration: m,
          },
          session,
        );
      }
    });
    console.log(`  recorded ${n} rows in ${since(t0).toFixed(0)} ms`);
    await seed.close();

    // A separate process would define its migrations afresh: new objects, so no memoised checksums.
    const defined = definitions(n);
    const adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    const c0 = performance.now();
    const status = await engine.getStatus({ definedMigrations: defined });
    const cold = since(c0);
    if (status.completed !== n || status.pending !== 0) throw new Error(`unexpected status: ${status.completed} completed, ${status.pending} pending`);
    const warm = [];
    for (let i = 0; i < 10; i++) {
      const w0 = performance.now();
      await engine.getStatus({ definedMigrations: defined });
      warm.push(since(w0));
    }
    const l0 = performance.now();
    await adapter.history.list();
    const listMs = since(l0);
    await adapter.close();
    console.log(`  first getStatus ${cold} ms, warm median ${median(warm)} ms (history.list alone ${listMs} ms)`);
    return {
      bench: 'pg-status',
      applied: n,
      first_call_ms: cold,
      warm_median_ms: median(warm),
      warm_min_ms: Math.min(...warm),
      history_list_ms: listMs,
      goal_ms: 100,
      load_average: loadavg().map((x) => Math.round(x * 100) / 100),
      notes: 'first_call_ms includes computing the checksum of every defined migration once (memoised afterwards per migration object)',
    };
  } finally {
    await db.drop();
  }
}
