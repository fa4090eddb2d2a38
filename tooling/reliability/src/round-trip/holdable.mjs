import { emptyModel } from './model.mjs';

const INT = { smallint: 32767, integer: 2147483647 };

/**
 * The round trip's data rules, checked without a database: every row the generator writes must be
 * one that every state the run walks through can hold — forward, each `down` to zero (a down
 * restores definitions, not values: a column it re-adds comes back with its default or null), and
 * for every rollbackTo point the downs to it, the `up` again (a column added after the point comes
 * back empty) and the downs to zero after that. A state holds the rows when NOT NULL columns have
 * values, integers and strings fit the column's type and length, `>= 0` checks hold, foreign keys
 * point at rows that are there, and unique columns have no duplicate. Returns the first few
 * problems as short lines (empty: the history's rows are holdable).
 * @example unholdable(profile, interpret(profile, history, 'h').migrations) // []
 * @param {ReturnType<import('./profile.mjs').profileOf>} profile
 * @param {{ expected: ReturnType<typeof emptyModel> }[]} migrations
 * @param {{ points?: number[] }} [options] the rollbackTo points tried (default: every one)
 */
export function unholdable(profile, migrations, options = {}) {
  const states = [emptyModel(), ...migrations.map((m) => m.expected)];
  const n = states.length - 1;
  // Kept for every field the history added or dropped (the last state has them all).
  const fills = states[n].fills ?? {};
  const problems = [];
  const check = (db, j, how) => {
    if (problems.length < 5) for (const p of violations(profile, db, states[j])) problems.push(`${how}, state after migration ${j - 1}: ${p}`);
  };
  for (let j = 1; j <= n; j++) check(dbOf(states[j]), j, 'forward');
  const points = options.points ?? [...Array(n).keys()];
  let down = dbOf(states[n]);
  for (let j = n - 1; j >= 0; j--) check((down = walk(down, states[j + 1], states[j], fills, 'drop')), j, 'down');
  for (const p of points) {
    let db = dbOf(states[n]);
    for (let j = n - 1; j >= p; j--) check((db = walk(db, states[j + 1], states[j], fills, 'drop')), j, `rollbackTo ${p}`);
    for (let j = p + 1; j <= n; j++) check((db = walk(db, states[j - 1], states[j], fills, 'add')), j, `up again after rollbackTo ${p}`);
    for (let j = n - 1; j >= 0; j--) check((db = walk(db, states[j + 1], states[j], fills, 'drop')), j, `down after rollbackTo ${p} and up`);
    if (problems.length) break;
  }
  return problems;
}

/** The rows of a model state, by table uid and row id, values by field id. */
function dbOf(state) {
  const db = new Map();
  for (const t of Object.values(state.tables)) {
    const rows = new Map();
    for (const r of t.rows) rows.set(r.id, new Map(t.fields.filter((f) => !f.primaryKey).map((f) => [f.fid, r[f.name] ?? null])));
    db.set(t.uid, rows);
  }
  return db;
}

/**
 * The rows after moving from state `a` to the next or previous state `b`: a table `b` has and `a`
 * had keeps its rows; a field an `up` adds again (`how` 'add') or a down re-adds ('drop': the
 * down of its dropField) gets what the model recorded for it (`fills`: its default where the
 * database fills one, else null); a table `b` (re)creates starts empty.
 */
function walk(db, a, b, fills, how) {
  const out = new Map();
  for (const t of Object.values(b.tables)) {
    const before = Object.values(a.tables).find((x) => x.uid === t.uid);
    const rows = new Map();
    if (before && db.has(t.uid)) {
      const had = new Set(before.fields.map((f) => f.fid));
      for (const [id, vals] of db.get(t.uid)) rows.set(id, new Map(t.fields.filter((f) => !f.primaryKey).map((f) => [f.fid, had.has(f.fid) ? vals.get(f.fid) : (fills[f.fid]?.[how] ?? null)])));
    }
    out.set(t.uid, rows);
  }
  return out;
}

function violations(profile, db, state) {
  const out = [];
  for (const t of Object.values(state.tables)) {
    const rows = db.get(t.uid) ?? new Map();
    const value = (vals, name) => {
      const f = t.fields.find((x) => x.name === name);
      return f?.primaryKey ? undefined : (vals.get(f?.fid) ?? null);
    };
    for (const [id, vals] of rows) {
      for (const f of t.fields) {
        if (f.primaryKey) continue;
        const v = vals.get(f.fid) ?? null;
        const at = `${t.name}.${f.name} row ${id}`;
        if (v === null) {
          if (f.required) out.push(`${at} is null under NOT NULL`);
          continue;
        }
        if (INT[f.type] !== undefined && (Number(v) > INT[f.type] || Number(v) < -INT[f.type] - 1)) out.push(`${at} = ${v} does not fit ${f.type}`);
        if (f.type === 'string' && [...String(v)].length > (f.length ?? 255)) out.push(`${at} is longer than string(${f.length ?? 255})`);
        if (f.type === 'decimal' && f.precision !== undefined && String(v).replace(/^-/, '').split('.')[0].replace(/^0+/, '').length > f.precision - (f.scale ?? 0))
          out.push(`${at} = ${v} does not fit decimal(${f.precision},${f.scale})`);
      }
      for (const k of t.constraints) {
        if (k.type === 'check')
          for (const c of k.checkColumns ?? []) {
            const v = value(vals, c);
            if (v !== null && v !== undefined && Number(v) < 0) out.push(`${t.name} row ${id} breaks check ${k.name} (${c} = ${v})`);
          }
        if (k.type === 'foreignKey') {
          const v = value(vals, k.columns[0]);
          const target = state.tables[k.references.table];
          if (v !== null && v !== undefined && !(target && db.get(target.uid)?.has(Number(v)))) out.push(`${t.name} row ${id} breaks foreign key ${k.name} (${k.columns[0]} = ${v})`);
        }
      }
    }
    const keys = [
      ...t.fields.filter((f) => f.unique && !f.primaryKey).map((f) => [f.name]),
      ...t.constraints.filter((k) => k.type === 'unique').map((k) => k.columns),
      ...t.indexes.filter((i) => i.unique).map((i) => i.fields.map((x) => x.name)),
    ];
    for (const cols of keys) {
      const seen = new Set();
      for (const [id, vals] of rows) {
        const tuple = cols.map((c) => (c === 'id' ? id : value(vals, c)));
        if (profile.sql && tuple.some((v) => v === null || v === undefined)) continue;
        const key = JSON.stringify(tuple.map(String));
        if (seen.has(key)) out.push(`${t.name} row ${id} repeats the unique key (${cols.join(', ')})`);
        seen.add(key);
      }
    }
  }
  return out;
}
