const HISTORY = /^_ductape/;

/**
 * The PostgreSQL catalog (pg_catalog / information_schema of schema `public`), read with plain
 * SQL beside the adapter: every relation, column, index definition, constraint definition, enum
 * and domain type. `dump` is compared between runs; `view` against the model; `leftovers` are
 * the objects that are not the history's.
 * @example const { view, dump, leftovers } = await postgresCatalog((t, p) => adapter.query(t, p));
 * @param {(text: string, params?: unknown[]) => Promise<Record<string, any>[]>} query
 */
export async function postgresCatalog(query) {
  const rels = await query(`SELECT c.relname AS name, c.relkind AS kind, t.relname AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_index ix ON ix.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = ix.indrelid
    WHERE n.nspname = 'public' AND c.relkind IN ('r','i','S','v','m','p','I')`);
  const cols =
    await query(`SELECT table_name AS t, column_name AS c, udt_name AS udt, character_maximum_length AS len, numeric_precision AS p, numeric_scale AS s, is_nullable AS nullable, column_default AS dflt
    FROM information_schema.columns WHERE table_schema = 'public'`);
  const idx = await query(`SELECT tablename AS t, indexname AS i, indexdef AS def FROM pg_indexes WHERE schemaname = 'public'`);
  const cons = await query(`SELECT r.relname AS t, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS def, i.relname AS index
    FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid LEFT JOIN pg_class i ON i.oid = k.conindid WHERE k.connamespace = 'public'::regnamespace`);
  const types =
    await query(`SELECT t.typname AS name, t.typtype AS kind, array_to_string(ARRAY(SELECT enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), ',') AS labels
    FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e','d')`);
  const tables = rels.filter((r) => (r.kind === 'r' || r.kind === 'p') && !HISTORY.test(r.name)).map((r) => r.name);
  const view = {};
  for (const t of tables) view[t] = { columns: {}, indexes: {}, constraints: {} };
  for (const c of cols) {
    if (!view[c.t]) continue;
    const type = c.udt === 'varchar' ? `varchar(${c.len})` : c.udt === 'numeric' ? `numeric(${c.p},${c.s})` : c.udt;
    view[c.t].columns[c.c] = { nullable: c.nullable === 'YES', type };
  }
  const constraintIndexes = new Set(cons.filter((k) => k.index).map((k) => k.index));
  for (const i of idx) {
    if (!view[i.t] || constraintIndexes.has(i.i)) continue;
    const body = /^\((.*)\)$/s.exec(i.def.replace(/^.*? USING \w+ /s, '').replace(/\s+WHERE .*$/s, ''))?.[1] ?? '';
    const parts = splitTop(body);
    view[i.t].indexes[i.i] = {
      unique: /^CREATE UNIQUE/.test(i.def),
      columns: parts.map((p) => unquote(p.replace(/\s+(DESC|ASC)(\s+NULLS \w+)?$/i, ''))),
      desc: parts.map((p) => /\sDESC(\s+NULLS \w+)?$/i.test(p)),
    };
  }
  const KIND = { p: 'primaryKey', u: 'unique', f: 'foreignKey', c: 'check' };
  // An enum column is a CHECK (… IN (…)) named <table>_<column>_enum by the adapter: part of the column, not a model constraint.
  for (const k of cons)
    if (view[k.t] && k.kind !== 'p' && k.kind !== 'n' && !(k.kind === 'c' && / = ANY \(/.test(k.def) && k.name.endsWith('_enum'))) view[k.t].constraints[k.name] = KIND[k.kind] ?? k.kind;
  const mine = (r) => !HISTORY.test(r.name ?? '') && !HISTORY.test(r.owner ?? '') && !HISTORY.test(r.t ?? '');
  const sort = (rows) =>
    rows
      .filter(mine)
      .map((r) => JSON.stringify(r))
      .sort();
  const dump = { rels: sort(rels), cols: sort(cols), idx: sort(idx), cons: sort(cons), types: sort(types) };
  const leftovers = [...rels.filter((r) => !HISTORY.test(r.name) && !HISTORY.test(r.owner ?? '')).map((r) => `${r.kind}:${r.name}`), ...types.map((t) => `type:${t.name}`)];
  return { dump, view, leftovers };
}

function splitTop(s) {
  const out = [];
  let depth = 0;
  let cur = '';
  let q = false;
  for (const ch of s) {
    if (ch === '"') q = !q;
    if (!q && ch === '(') depth++;
    if (!q && ch === ')') depth--;
    if (!q && depth === 0 && ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function unquote(s) {
  const t = s.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : t;
}
