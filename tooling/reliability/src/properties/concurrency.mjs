import { checksum } from '@ductape/core';
import { duplicateApplications, nodeSchemaCheck } from '../cluster-checks.mjs';
import { concurrencyMigrations, concurrencyTables } from '../workloads.mjs';
import { runUp, describeError } from '../run-up.mjs';
import { siblingAdapter } from '../sibling-adapter.mjs';
import { spawnRunner } from '../spawn-child.mjs';

/**
 * Concurrency: `processes` runners run `up` on the same `migrations` at once. Every migration is
 * applied exactly once (outcomes across runners: `migrations` applied, the rest skipped), every
 * runner exits 0, history holds exactly one well-formed applied row per migration, each table
 * exists once; `duplicates` counts applications beyond one per migration (and history rows beyond
 * one). On a cluster target the runners are spread over the nodes (runner i on node i mod n) and
 * every node's own catalog must be the same (`schemaEqualOnAllNodes`). On an embedded database the
 * runners are engines in this process over one instance.
 * @example const r = await concurrency(ctx, { processes: 8, migrations: 50 });
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 * @param {{ processes: number, migrations: number }} size
 */
export async function concurrency(ctx, size) {
  const { ns } = ctx;
  const ms = concurrencyMigrations(size.migrations);
  const tables = concurrencyTables(size.migrations);
  const failures = [];
  const started = Date.now();
  const engine = { lockTimeoutMs: 600_000, leaseMs: 10_000 };
  let runs;
  /** Names of every application (applied or resumed) over all runners. */
  const applications = [];
  const isApplication = (outcome) => outcome === 'applied' || outcome === 'resumed';
  if (ns.multiProcess) {
    await ctx.closeAdapter();
    const nodes = ns.runnerConnections ?? [ns.connection];
    const children = Array.from({ length: size.processes }, (_, i) =>
      spawnRunner({ target: { ...ns, connection: nodes[i % nodes.length] }, migrations: ms, engine: { ...engine, owner: `reliability runner ${i}` } }, { timeoutMs: 900_000 }),
    );
    runs = (await Promise.all(children.map((c) => c.exited))).map((r, i) => {
      for (const m of r.messages) if (m.type === 'progress' && m.event.type === 'migration:done' && isApplication(m.event.outcome)) applications.push(m.event.name);
      const result = r.messages.find((m) => m.type === 'result');
      const error = r.messages.find((m) => m.type === 'error');
      if (r.code !== 0)
        failures.push(
          `runner ${i} exited with ${r.code ?? r.signal}${error ? `: ${error.error.name} ${error.error.code ?? ''} ${error.error.message}` : ''}${r.stderr ? ` stderr: ${r.stderr.slice(0, 300)}` : ''}`,
        );
      return result?.outcomes ?? {};
    });
  } else {
    const base = await ctx.adapter();
    const adapters = [base];
    for (let i = 1; i < size.processes; i++) adapters.push(await siblingAdapter(ns, base));
    runs = await Promise.all(
      adapters.map((a, i) =>
        runUp(a, ms, { engine: { ...engine, owner: `reliability runner ${i}` } }).then(
          (r) => {
            for (const x of r.results) if (isApplication(x.outcome)) applications.push(x.name);
            return r.outcomes;
          },
          (error) => {
            const e = describeError(error);
            failures.push(`runner ${i} failed: ${e.name} ${e.code ?? ''} ${e.message}`);
            return {};
          },
        ),
      ),
    );
    for (const a of adapters.slice(1)) await a.close().catch(() => undefined);
  }
  const elapsedMs = Date.now() - started;
  const applied = runs.reduce((n, o) => n + (o.applied ?? 0), 0);
  const skipped = runs.reduce((n, o) => n + (o.skipped ?? 0), 0);
  const other = runs.reduce(
    (n, o) =>
      n +
      Object.entries(o)
        .filter(([k]) => k !== 'applied' && k !== 'skipped')
        .reduce((s, [, v]) => s + v, 0),
    0,
  );
  if (applied !== size.migrations) failures.push(`applied ${applied} times in all, expected exactly ${size.migrations}`);
  if (skipped !== size.migrations * (size.processes - 1)) failures.push(`skipped ${skipped}, expected ${size.migrations * (size.processes - 1)}`);
  if (other !== 0) failures.push(`${other} outcomes other than applied/skipped: ${JSON.stringify(runs)}`);

  await ns.settle?.();
  const adapter = await ctx.adapter();
  const history = await ctx.engine().getHistory();
  const rows = history.filter((h) => h.name.startsWith('rel_cc_'));
  const expected = new Map(ms.map((m) => [m.name, checksum(m)]));
  const malformed = rows.filter((h) => !wellFormed(h, expected.get(h.name)));
  if (rows.length !== size.migrations) failures.push(`history holds ${rows.length} rows, expected ${size.migrations}`);
  if (new Set(rows.map((h) => h.name)).size !== rows.length) failures.push('history holds a migration twice');
  if (malformed.length > 0) failures.push(`${malformed.length} malformed history rows, e.g. ${JSON.stringify(summary(malformed[0]))}`);
  const names = await ctx.probe().then((p) => p.tableNames());
  const missing = [];
  for (const t of tables) if (!(await adapter.introspect(t))) missing.push(t);
  const dup = tables.filter((t) => names.filter((n) => n === t).length !== 1);
  if (missing.length > 0) failures.push(`tables missing after the run: ${missing.slice(0, 5).join(', ')}`);
  if (dup.length > 0) failures.push(`tables not listed exactly once: ${dup.slice(0, 5).join(', ')}`);
  const duplicates = duplicateApplications(applications) + (rows.length - new Set(rows.map((h) => h.name)).size);
  if (duplicates > 0) failures.push(`${duplicates} duplicate applications or history rows`);
  const nodes = await nodeSchemaCheck(ns);
  if (nodes && !nodes.equal) failures.push(`the nodes hold different schemas: ${nodes.detail}`);
  const cluster = nodes ? { nodes: nodes.nodes, schemaEqualOnAllNodes: nodes.equal } : {};
  return {
    ok: failures.length === 0,
    counts: { processes: size.processes, migrations: size.migrations, applied, skipped, historyRows: rows.length, malformed: malformed.length, duplicates, ...cluster },
    ms: elapsedMs,
    summary: `${size.processes}×${size.migrations}: ${applied} applied, ${skipped} skipped, ${rows.length} rows, ${duplicates} duplicates${nodes ? `, schema ${nodes.equal ? 'equal' : 'NOT equal'} on ${nodes.nodes} nodes` : ''}`,
    failures,
  };
}

function wellFormed(h, sum) {
  return (
    sum !== undefined &&
    h.checksum === sum &&
    h.status === 'applied' &&
    h.direction === 'up' &&
    h.stepsApplied === h.stepsTotal &&
    h.stepsTotal > 0 &&
    h.appliedAt instanceof Date &&
    !Number.isNaN(h.appliedAt.getTime()) &&
    h.error === null &&
    typeof h.tag === 'string' &&
    h.migration?.name === h.name &&
    Array.isArray(h.migration?.up)
  );
}

function summary(h) {
  return { name: h.name, status: h.status, direction: h.direction, stepsApplied: h.stepsApplied, stepsTotal: h.stepsTotal, checksum: h.checksum?.slice(0, 8), error: h.error };
}
