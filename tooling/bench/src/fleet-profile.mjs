// `pnpm bench fleet --profile` (PostgreSQL cases): where ours spends its round trips. Wraps the
// `connect` and `query` of the pg Client our PostgreSQL adapter loads (its own copy of pg) for one
// extra run of ours, and sums count and time per kind of statement. Not a contender: the figures
// describe ours, they are not compared.
import { createRequire } from 'node:module';

const pgOfAdapter = createRequire(new URL('../../../packages/adapter-postgres/package.json', import.meta.url))('pg');

/** The kind of a statement our adapter sends, by its text. */
function kindOf(text) {
  // Classified by its main statement: what the adapter sends with it in the same round trip (the
  // transaction's BEGIN and settings, a lock-retry's SAVEPOINT) is left out; BEGIN alone stays BEGIN.
  const whole = text.replace(/\s+/g, ' ').trim();
  const t = whole.replace(/^BEGIN; (SET LOCAL [^;]*; |SELECT set_config\('search_path'[^;]*; )*(SAVEPOINT \S+; )?/i, '').trim() || whole;
  if (/^(BEGIN|COMMIT|ROLLBACK|RELEASE SAVEPOINT|SAVEPOINT \S+$)/i.test(t)) return 'transaction (BEGIN…, COMMIT, RELEASE SAVEPOINT)';
  if (/advisory|pg_stat_activity|pg_locks|application_name/i.test(t)) return 'lock (advisory lock, unlock, running-work check, session marks)';
  if (/_ductape_migrations|to_regclass/i.test(t)) return 'history (ensure, read, write)';
  if (/^(SAVEPOINT \S+; )?(CREATE|ALTER|DROP|COMMENT)\b/i.test(t)) return "the migrations' DDL";
  if (/pg_class|pg_constraint|pg_index|pg_attribute|format_type|information_schema|pg_namespace/i.test(t)) return 'catalog reads (preflight, introspection)';
  return 'other';
}

/**
 * Runs `work` with every connect and query of the adapter's pg counted and timed by kind.
 * @param {() => Promise<void>} work
 * @param {number} targets to give figures per target
 * @returns {Promise<{ wall_ms: number, round_trips_per_target: number, kinds: Record<string, { per_target: number, ms_total: number, ms_each: number }> }>}
 * @example const p = await profileQueries(() => fleetUp(config, ms, 4), 500);
 */
export async function profileQueries(work, targets) {
  const sums = new Map();
  const add = (kind, ms) => {
    const s = sums.get(kind) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    sums.set(kind, s);
  };
  const proto = pgOfAdapter.Client.prototype;
  const { query, connect } = proto;
  const timed =
    (kind, t0, cb) =>
    (...x) => {
      add(kind, performance.now() - t0);
      return cb(...x);
    };
  proto.query = function (q, ...rest) {
    const kind = kindOf(typeof q === 'string' ? q : (q?.text ?? ''));
    const t0 = performance.now();
    const cb = rest.at(-1);
    if (typeof cb === 'function') return query.call(this, q, ...rest.slice(0, -1), timed(kind, t0, cb));
    const r = query.call(this, q, ...rest);
    if (r && typeof r.then === 'function')
      r.then(
        () => add(kind, performance.now() - t0),
        () => add(kind, performance.now() - t0),
      );
    else add(kind, 0);
    return r;
  };
  proto.connect = function (cb) {
    const t0 = performance.now();
    if (typeof cb === 'function') return connect.call(this, timed('connect (new connection)', t0, cb));
    const r = connect.call(this);
    r.then(
      () => add('connect (new connection)', performance.now() - t0),
      () => undefined,
    );
    return r;
  };
  const t0 = performance.now();
  try {
    await work();
  } finally {
    proto.query = query;
    proto.connect = connect;
  }
  const wall = performance.now() - t0;
  const kinds = Object.fromEntries(
    [...sums].sort((a, b) => b[1].ms - a[1].ms).map(([k, s]) => [k, { per_target: Math.round((s.n / targets) * 10) / 10, ms_total: Math.round(s.ms), ms_each: Math.round((s.ms / s.n) * 100) / 100 }]),
  );
  const trips = [...sums].filter(([k]) => !k.startsWith('connect')).reduce((n, [, s]) => n + s.n, 0);
  return { wall_ms: Math.round(wall), round_trips_per_target: Math.round((trips / targets) * 10) / 10, kinds };
}
