import { migration } from '@ductape/core';

const AT = new Date(Date.UTC(2026, 0, 1));

/**
 * Fields every workload table has: `id` (integer primary key) and `name` (string), so the probes
 * can seed and count rows the same way on every database.
 * @example baseFields()[0] // { name: 'id', type: 'integer', primaryKey: true }
 */
export function baseFields() {
  return [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'name', type: 'string', length: 100 },
  ];
}

/**
 * `count` independent migrations for the concurrency property: each creates table `cc_<i>`, and
 * every third also adds a field and (where indexes exist) an index, so runs have several steps.
 * @example concurrencyMigrations(50).length // 50
 * @param {number} count
 */
export function concurrencyMigrations(count) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, '0');
    const table = `cc_${n}`;
    let b = migration(`rel_cc_${n}`)
      .at(new Date(AT.getTime() + i * 1000))
      .createCollection(table, baseFields());
    if (i % 3 === 0) b = b.addField(table, 'extra', { type: 'integer' }).createIndex(table, `idx_${table}_extra`, ['extra']);
    return b.build();
  });
}

/** Tables the concurrency workload creates. */
export function concurrencyTables(count) {
  return Array.from({ length: count }, (_, i) => `cc_${String(i).padStart(3, '0')}`);
}

/**
 * The crash workload: a setup migration (table `crash_data`, seeded with rows by the caller) and a
 * multi-step migration on it — fields and indexes alternately, so adapters with transactional DDL
 * (PostgreSQL's online CREATE INDEX CONCURRENTLY) also record progress between steps.
 * @example const { setup, steps } = crashMigrations(); steps.up.length // 6
 */
export function crashMigrations() {
  const setup = migration('rel_crash_setup').at(AT).createCollection('crash_data', baseFields()).build();
  let b = migration('rel_crash_steps').at(new Date(AT.getTime() + 1000));
  for (let i = 1; i <= 3; i++) b = b.addField('crash_data', `c${i}`, { type: 'integer' }).createIndex('crash_data', `idx_crash_data_c${i}`, [`c${i}`]);
  b = b.createCollection('crash_side', baseFields());
  return { setup, steps: b.build(), tables: ['crash_data', 'crash_side'] };
}

/**
 * The tamper workload: two applied migrations, the second edited afterwards, and a new one.
 * @example const { applied, edited, next } = tamperMigrations();
 */
export function tamperMigrations() {
  const first = migration('rel_tamper_1').at(AT).createCollection('tamper_a', baseFields()).build();
  const second = migration('rel_tamper_2')
    .at(new Date(AT.getTime() + 1000))
    .addField('tamper_a', 'note', { type: 'string', length: 50 })
    .build();
  const edited = migration('rel_tamper_2')
    .at(new Date(AT.getTime() + 1000))
    .addField('tamper_a', 'note', { type: 'string', length: 60 })
    .build();
  const next = migration('rel_tamper_3')
    .at(new Date(AT.getTime() + 2000))
    .createCollection('tamper_b', baseFields())
    .build();
  return { applied: [first, second], edited, next, tables: ['tamper_a', 'tamper_b'] };
}
