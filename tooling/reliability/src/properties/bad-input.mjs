import fc from 'fast-check';
import { canonicalJson, migration } from '@ductape/core';
import { FUZZ_TABLE, SENTINEL, fuzzCase, touchedCollections } from '../arbitraries.mjs';
import { describeError, isDuctapeError } from '../run-up.mjs';
import { baseFields } from '../workloads.mjs';
import { normalise } from '../snapshot.mjs';

/**
 * Bad input: `cases` seeded, generated operations and builder calls (fast-check) with quotes,
 * `;`, comments, injection payloads, unicode, reserved words, huge names, control characters and
 * wrong types are built and applied. Each ends in success or a DuctapeError with a code — never
 * another error class, an unhandled rejection or a crash; after an error the introspection of
 * every collection it names equals the one before; the sentinel table and its row survive.
 * A case that succeeds is rolled back with `down` (same rule) so the schema stays small.
 * @example const r = await badInput(ctx, { cases: 200, maxMs: 120_000 });
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 * @param {{ cases: number, maxMs: number }} size
 */
export async function badInput(ctx, size) {
  const failures = [];
  const started = Date.now();
  const adapter = await ctx.adapter();
  const engine = ctx.engine({ leaseMs: 30_000 });
  const probe = await ctx.probe();
  await engine.up(
    migration('rel_fuzz_setup')
      .createCollection(FUZZ_TABLE, [...baseFields(), { name: 'extra', type: 'integer' }])
      .createCollection(SENTINEL, baseFields())
      .build(),
  );
  await probe.insertRows(SENTINEL, 1);
  const counts = { cases: 0, planned: size.cases, succeeded: 0, typedErrors: 0, otherErrors: 0, partialChanges: 0, sentinelChecks: 0, sentinelLost: 0, unhandled: 0, codes: {} };
  const onUnhandled = (reason) => {
    counts.unhandled++;
    failures.push(`unhandled rejection: ${describeError(reason).name} ${describeError(reason).message.slice(0, 200)}`);
  };
  process.on('unhandledRejection', onUnhandled);
  const cases = fc.sample(fuzzCase(), { seed: ctx.seed, numRuns: size.cases });
  const sentinelOk = async (i) => {
    counts.sentinelChecks++;
    const n = await probe.countRows(SENTINEL).catch(() => -1);
    if (n !== 1) {
      counts.sentinelLost++;
      failures.push(`after case ${i}: the sentinel table ${n < 0 ? 'is gone' : `holds ${n} rows`} (injection?)`);
      return false;
    }
    return true;
  };
  try {
    for (let i = 0; i < cases.length; i++) {
      if (Date.now() - started > size.maxMs) break;
      counts.cases++;
      const c = cases[i];
      const touched = touchedCollections(c);
      // Validation, capability checks, resolution against the live schema (read only) and compile
      // come before any change (engine.preview does just those): a case refused there is still run
      // through up(), which must refuse it the same way.
      let refusedBeforeIo;
      try {
        await engine.preview(buildCase(c, i));
      } catch (e) {
        refusedBeforeIo = e;
      }
      const before = refusedBeforeIo ? undefined : await introspectAll(adapter, touched);
      if (before?.includes('"untyped ')) {
        counts.otherErrors++;
        failures.push(`case ${i} ${show(c)}: introspect() of a collection it names threw an untyped error: ${before.slice(0, 300)}`);
      }
      let m;
      let error;
      try {
        m = buildCase(c, i);
        await engine.up(m);
      } catch (e) {
        error = e;
      }
      if (refusedBeforeIo && describeError(error).code !== describeError(refusedBeforeIo).code) {
        failures.push(
          `case ${i} ${show(c)}: plan refused it with ${describeError(refusedBeforeIo).code ?? describeError(refusedBeforeIo).name}, up answered ${error ? (describeError(error).code ?? describeError(error).name) : 'success'}`,
        );
      }
      if (error === undefined) {
        counts.succeeded++;
        if (!m.irreversible) {
          try {
            await engine.down(m);
          } catch (e) {
            record(e, i, c, 'down');
          }
        }
      } else {
        record(error, i, c, 'up');
        const after = before === undefined ? undefined : await introspectAll(adapter, touched);
        if (after !== before) {
          counts.partialChanges++;
          failures.push(`case ${i} ${show(c)}: threw ${describeError(error).code ?? describeError(error).name} but changed the schema`);
        }
      }
      if (i % 100 === 99 && !(await sentinelOk(i))) break;
    }
    await sentinelOk(counts.cases - 1);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }

  function record(e, i, c, direction) {
    if (isDuctapeError(e)) {
      counts.typedErrors++;
      const code = /** @type {any} */ (e).code;
      counts.codes[code] = (counts.codes[code] ?? 0) + 1;
    } else {
      counts.otherErrors++;
      const d = describeError(e);
      failures.push(`case ${i} ${show(c)} (${direction}): ${d.name} ${d.code ?? ''}: ${d.message.slice(0, 300)}`);
    }
  }

  // Every failure is counted; the report keeps the first 20 messages and the number of the rest.
  if (failures.length > 20) failures.splice(20, failures.length - 20, `… and ${failures.length - 20} more failures of the kinds above`);
  const truncated = counts.cases < size.cases ? ` (stopped at ${counts.cases} of ${size.cases}: time bound)` : '';
  return {
    ok: failures.length === 0,
    counts,
    ms: Date.now() - started,
    summary: `${counts.cases} cases: ${counts.succeeded} ok, ${counts.typedErrors} typed errors, ${counts.otherErrors} other, ${counts.partialChanges} partial, sentinel ${counts.sentinelLost ? 'LOST' : 'kept'}${truncated}`,
    failures,
  };
}

/** Turns a generated case into a migration (the builder may throw: that is part of the case). */
function buildCase(c, i) {
  const name = `rel_fz_${i}`;
  if (c.kind === 'operation') return migration(name).operation(c.op).build();
  if (c.kind === 'builder')
    return migration(name)
      [c.method](...c.args)
      .build();
  return migration(c.name).createCollection(`fz_named_${i}`, baseFields()).build();
}

async function introspectAll(adapter, names) {
  const out = {};
  for (const n of names) {
    try {
      out[n] = normalise(await adapter.introspect(n));
    } catch (e) {
      out[n] = { introspectError: isDuctapeError(e) ? e.code : `untyped ${describeError(e).name}` };
    }
  }
  return canonicalJson(out);
}

function show(c) {
  let text;
  try {
    text = JSON.stringify(c, (_k, v) => (v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch {
    text = String(c.kind);
  }
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}
