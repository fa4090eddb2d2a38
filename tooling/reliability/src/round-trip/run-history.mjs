import { canonicalJson } from '@ductape/core';
import { describeError } from '../run-up.mjs';
import { buildMigration, sdkCall } from './apply.mjs';
import { injectFailures } from './inject.mjs';
import { killedRun } from './kill.mjs';
import { diffCatalog, expectedCatalog, projectTable } from './project.mjs';
import { normaliseValue } from './values.mjs';

/**
 * The counters one history adds to a run's figures (the property sums them over histories).
 * @example const counts = { histories: 0, ...emptyCounts() };
 */
export function emptyCounts() {
  return {
    migrations: 0,
    ops: 0,
    mismatches: 0,
    leftovers: 0,
    replayDiffs: 0,
    orderErrors: 0,
    untyped: 0,
    planDiffs: 0,
    refused: 0,
    zeroSteps: 0,
    dataDiffs: 0,
    rowsWritten: 0,
    rowChecks: 0,
    injected: 0,
    killed: 0,
  };
}

/**
 * Runs one interpreted history on a clean database and checks the round-trip property:
 * after each migration introspection and the catalog equal the model and the rows written
 * earlier keep their values; history order is apply order; no `up` says applied with zero steps;
 * refusals are typed and before IO; `rollbackTo` a random point then `up` gives the identical
 * catalog; every `down` (newest first) runs the steps `preview(m, 'down')` showed and gives back the
 * catalog the migration found; down to zero leaves only the history; a replay gives the identical
 * catalog after every migration. Returns the failures (kind + text) and counts.
 * @example const r = await runHistory(env, profile, interpreted, { random: Math.random });
 */
export async function runHistory(env, profile, interpreted, options) {
  const failures = [];
  const counts = emptyCounts();
  const fail = (kind, text) => failures.push({ kind, text });
  const start = await env.catalog();
  if (start.leftovers.length) fail('leftovers', `the database was not clean before the history: ${start.leftovers.join(', ')}`);

  const builders = interpreted.migrations.filter((m) => m.via === 'builder' && m.index > 0);
  env.kill = env.ns.multiProcess && builders.length > 0 && options.random ? { at: builders[Math.floor(options.random() * builders.length)].index, random: options.random } : undefined;
  const first = await play(env, profile, interpreted.migrations, counts, fail, { check: true });
  env.kill = undefined;
  if (failures.length === 0 && first.dumps.length > 1) {
    const last = [...interpreted.migrations].reverse().find((m) => m.via === 'builder' && first.builtNames.has(m.name));
    const tables = Object.keys(interpreted.migrations[first.dumps.length - 2]?.expected.tables ?? {});
    await injectFailures(env, profile, { label: options.label ?? 'rt', table: tables[0], last: last ? buildMigration(last) : undefined }, counts, fail, dumpOf);
    if (failures.length === 0) await rollbackAndUp(env, first, counts, fail, options.random);
  }
  await downToZero(env, first, counts, fail, 'first run');
  if (failures.length === 0) {
    const again = await play(env, profile, interpreted.migrations, counts, fail, { check: false });
    for (let i = 0; i < Math.min(again.dumps.length, first.dumps.length); i++) {
      if (again.dumps[i].full !== first.dumps[i].full) {
        counts.replayDiffs++;
        fail('replay', `replay: the catalog after migration ${i} differs from the first run: ${firstDiff(again.dumps[i].full, first.dumps[i].full)}`);
        break;
      }
    }
    await downToZero(env, again, counts, fail, 'replay');
  }
  return { failures, counts };
}

async function play(env, profile, migrations, counts, fail, { check }) {
  const dumps = [{ ...(await dumpOf(env)), rows: 0 }];
  const applied = [];
  const builtNames = new Set();
  for (const m of migrations) {
    for (const w of m.write) {
      try {
        await env.writeRows(profile, w.table, w.rows, w.model);
        if (check) counts.rowsWritten += w.rows.length;
      } catch (error) {
        fail('data', `writing rows into ${w.table} before ${m.name}: ${describeError(error).message.slice(0, 300)}`);
        return { dumps, applied, builtNames };
      }
    }
    if (process.env.ROUND_TRIP_TRACE) process.stderr.write(`  [trace] ${m.name} (${m.via}): ${m.ops.map((o) => o.type).join(', ')}\n`);
    const outcome = await runMigration(env, m, applied, counts, fail);
    if (!outcome.ok) {
      const now = await dumpOf(env);
      if (outcome.typed && now.full === outcome.before.full) {
        counts.refused++;
        fail('refused', `${m.name} (${m.via}) was refused before any change: ${outcome.error}`);
      } else if (outcome.typed) fail('partial', `${m.name} (${m.via}) failed with a typed error after changing the catalog: ${outcome.error}`);
      return { dumps, applied, builtNames };
    }
    if (m.via === 'builder') builtNames.add(m.name);
    if (check) {
      counts.migrations++;
      counts.ops += m.ops.length;
      await checkAgainstModel(env, profile, m, counts, fail);
    }
    const history = (await env.engine.getHistory()).map((h) => h.name);
    if (history.join('\n') !== applied.join('\n')) {
      counts.orderErrors++;
      fail('order', `after ${m.name}: history lists [${history.join(', ')}], applied in the order [${applied.join(', ')}]`);
    }
    dumps.push({ ...(await dumpOf(env)), rows: applied.length });
  }
  return { dumps, applied, builtNames };
}

async function runMigration(env, m, applied, counts, fail) {
  let before = await dumpOf(env);
  const check = (result, name) => {
    if (result.outcome === 'applied' && result.stepsTotal === 0) {
      counts.zeroSteps++;
      fail('zeroSteps', `${name}: up reported applied with zero steps`);
    }
  };
  try {
    if (m.via === 'builder') {
      const built = buildMigration(m);
      // Once a history, on databases several processes can open: a child runner applies it and is
      // SIGKILLed at a random step; the up below then resumes it (the checks that follow are the same).
      if (env.kill && m.index === env.kill.at) {
        const k = await killedRun(env.ns, built, env.kill.random);
        if (k.killed) counts.killed++;
        if (k.error) fail('kill', `${m.name}: the killed runner's child failed on its own: ${k.error}`);
      }
      const result = await upAfterKill(env, m, built);
      applied.push(built.name);
      check(result, built.name);
    } else {
      for (const op of m.ops) {
        // A refusal is judged against the catalog just before the call that was refused.
        if (m.ops.length > 1) before = await dumpOf(env);
        const r = await sdkCall(env.db, op);
        applied.push(r.migration.name);
        check(r.result, r.migration.name);
      }
    }
    return { ok: true, before };
  } catch (error) {
    const e = describeError(error);
    if (!e.ductape) {
      counts.untyped++;
      fail('untyped', `${m.name} (${m.via}) threw ${e.name} ${e.code ?? ''}: ${e.message.slice(0, 400)}`);
    }
    // A failed run may have left a failed row: it is part of the history (compensated by rollbackTo / down).
    const rows = await env.engine.getHistory();
    for (const r of rows) if (!applied.includes(r.name)) applied.push(r.name);
    return { ok: false, before, typed: e.ductape, error: `${e.name} ${e.code ?? ''}: ${e.message.slice(0, 400)}` };
  }
}

/**
 * `up(built)`, and when the killed runner died inside the migration's raw step (the engine then
 * refuses to guess whether it ran), does what a user is told to: looks at the database for the
 * raw op's effect and says `mark-ran` or `rerun`.
 */
async function upAfterKill(env, m, built) {
  try {
    return await env.engine.up(built);
  } catch (error) {
    const raw = m.ops.findLast((op) => op.type === 'raw');
    if (!raw?.model || error?.code !== 'DUCTAPE_FAILED_MIGRATION_PENDING' || !/interrupted in step/.test(error.message)) throw error;
    const live = await env.adapter.introspect(raw.model.collection);
    const ran = raw.model.type === 'addField' ? live?.fields.some((f) => f.name === raw.model.field.name) : live?.indexes?.some((i) => i.name === raw.model.name);
    return env.engine.up(built, { recover: ran ? 'mark-ran' : 'rerun' });
  }
}

async function checkAgainstModel(env, profile, m, counts, fail) {
  const model = m.expected;
  for (const t of Object.values(model.tables)) {
    const want = canonicalJson(projectTable(profile, t));
    const got = canonicalJson(projectTable(profile, await env.adapter.introspect(t.name)));
    if (want !== got) {
      counts.mismatches++;
      fail('introspection', `after ${m.name}: introspect(${JSON.stringify(t.name)}) differs from the model: ${firstDiff(got, want)}`);
    }
  }
  const cat = await env.catalog();
  const diffs = diffCatalog(expectedCatalog(profile, model), cat.view);
  if (diffs.length) {
    counts.mismatches++;
    fail('catalog', `after ${m.name}: the catalog differs from the model: ${diffs.slice(0, 5).join('; ')}`);
  }
  for (const t of Object.values(model.tables)) {
    if (t.rows.length === 0) continue;
    const read = await env.readRows(profile, t.name, t);
    for (const row of t.rows) {
      counts.rowChecks++;
      const got = read.get(row.id);
      if (!got) {
        counts.dataDiffs++;
        fail('data', `after ${m.name}: row id ${row.id} of ${t.name} is gone`);
        break;
      }
      const bad = t.fields.filter((f) => profile.dataTypes.includes(f.type) && !f.primaryKey && normaliseValue(f.type, row[f.name]) !== normaliseValue(f.type, got[f.name]));
      if (bad.length) {
        counts.dataDiffs++;
        fail(
          'data',
          `after ${m.name}: ${t.name} row ${row.id}: ${bad.map((f) => `${f.name} (${f.type}) expected ${JSON.stringify(normaliseValue(f.type, row[f.name]))}, read ${JSON.stringify(normaliseValue(f.type, got[f.name]))}`).join('; ')}`,
        );
        break;
      }
    }
  }
}

async function rollbackAndUp(env, run, counts, fail, random) {
  const rows = await env.engine.getHistory();
  // Points at migration boundaries whose tag is unique (rollbackTo finds the first row with a tag).
  const points = run.dumps.map((d, i) => ({ i, rows: d.rows })).filter((p) => p.rows > 0 && p.rows < rows.length && rows.filter((r) => r.tag === rows[p.rows - 1].tag).length === 1);
  if (points.length === 0) return;
  const p = points[Math.floor(random() * points.length)];
  const later = rows.slice(p.rows).map((r) => r.migration);
  try {
    await env.engine.rollbackTo(rows[p.rows - 1].tag);
  } catch (error) {
    const e = describeError(error);
    if (!e.ductape) counts.untyped++;
    fail('rollbackTo', `rollbackTo(${rows[p.rows - 1].tag}) failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 300)}`);
    return;
  }
  const back = await dumpOf(env);
  if (back.steps !== run.dumps[p.i].steps) {
    counts.replayDiffs++;
    fail('rollbackTo', `rollbackTo(${rows[p.rows - 1].tag}) left a catalog different from the one after that migration: ${firstDiff(back.steps, run.dumps[p.i].steps)}`);
  }
  try {
    for (const m of later) await env.engine.up(m);
  } catch (error) {
    const e = describeError(error);
    if (!e.ductape) counts.untyped++;
    fail('rollbackTo', `up again after rollbackTo failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 300)}`);
    return;
  }
  const end = await dumpOf(env);
  if (end.full !== run.dumps.at(-1).full) {
    counts.replayDiffs++;
    fail('rollbackTo', `rollbackTo a point then up: the catalog differs from the first run's: ${firstDiff(end.full, run.dumps.at(-1).full)}`);
  }
  const history = (await env.engine.getHistory()).map((h) => h.name);
  if (history.join('\n') !== rows.map((r) => r.name).join('\n')) {
    counts.orderErrors++;
    fail('order', `after rollbackTo and up: history [${history.join(', ')}], expected [${rows.map((r) => r.name).join(', ')}]`);
  }
}

async function downToZero(env, run, counts, fail, label) {
  const rows = await env.engine.getHistory();
  for (let k = rows.length - 1; k >= 0; k--) {
    const r = rows[k];
    if (process.env.ROUND_TRIP_TRACE) process.stderr.write(`  [trace] ${label}: down ${r.name}\n`);
    try {
      if (r.status === 'applied') {
        const planned = (await env.engine.preview(r.migration, 'down')).steps.map((s) => s.summary);
        env.events.length = 0;
        await env.engine.down(r.migration);
        const ran = env.events.filter((e) => e.type === 'step:start').map((e) => e.summary);
        if (planned.join('\n') !== ran.join('\n')) {
          counts.planDiffs++;
          fail('plan', `${label}: preview(${r.name}, 'down') planned [${planned.join(' | ')}], down ran [${ran.join(' | ')}]`);
        }
      } else await env.engine.compensate(r.name);
    } catch (error) {
      const e = describeError(error);
      if (!e.ductape) counts.untyped++;
      fail('down', `${label}: down of ${r.name} failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 400)}`);
      return;
    }
    const at = run.dumps.find((d) => d.rows === k);
    if (at) {
      const now = await dumpOf(env);
      if (now.steps !== at.steps) {
        counts.mismatches++;
        fail('down', `${label}: after the down of ${r.name} the catalog is not the one ${r.name} found: ${firstDiff(now.steps, at.steps)}`);
        return;
      }
    }
  }
  const end = await env.catalog();
  if (end.leftovers.length) {
    counts.leftovers += end.leftovers.length;
    fail('leftovers', `${label}: down to zero left ${end.leftovers.join(', ')}`);
  }
  const left = await env.engine.getHistory();
  if (left.length) fail('leftovers', `${label}: down to zero left history rows ${left.map((h) => `${h.name} (${h.status})`).join(', ')}`);
}

/** `full`: the whole catalog dump; `steps`: without what column order changes (SHOW CREATE TABLE). */
async function dumpOf(env) {
  const { dump } = await env.catalog();
  const { creates: _c, ...steps } = dump;
  return { full: canonicalJson(dump), steps: canonicalJson(steps) };
}

function firstDiff(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 100), i + 150)}… vs …${b.slice(Math.max(0, i - 100), i + 150)}…`;
}
