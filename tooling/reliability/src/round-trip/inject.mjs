import { canonicalJson, migration } from '@ductape/core';
import { describeError } from '../run-up.mjs';

const FAILING = {
  postgresql: 'SELECT * FROM "rt_no_such_table"',
  mysql: 'SELECT * FROM `rt_no_such_table`',
  mariadb: 'SELECT * FROM `rt_no_such_table`',
  mongodb: JSON.stringify({ rtNoSuchCommand: 1 }),
  cassandra: 'SELECT no_such_column FROM rt_no_such_table',
  // PartiQL (a raw text on DynamoDB is an ExecuteStatement): the table does not exist.
  dynamodb: 'SELECT * FROM "rt_no_such_table"',
};

/**
 * Failure injection on a history that has just been applied: (1) a migration whose second step is
 * a raw statement the database rejects fails with a typed error, and `compensate` gives back the
 * catalog and history it found; (2) the last builder migration, edited after it ran, is refused by
 * `up` and `down` with DUCTAPE_CHECKSUM_MISMATCH, catalog and history untouched.
 * @example await injectFailures(env, profile, { table: 't', last: builtMigration }, counts, fail, dumpOf);
 */
export async function injectFailures(env, profile, at, counts, fail, dumpOf) {
  const dialect = profile.pg ? 'postgresql' : profile.key === 'mongo' ? 'mongodb' : profile.key === 'dynamo' ? 'dynamodb' : profile.key;
  const history = async () => canonicalJson((await env.engine.getHistory()).map((h) => [h.name, h.status, h.stepsApplied]));
  if (FAILING[dialect] && at.table) {
    const before = await dumpOf(env);
    const rows = await history();
    const m = migration(`${at.label}_inject_raw`).addField(at.table, { name: 'rt_injected', type: 'integer' }).raw(dialect, FAILING[dialect], { down: FAILING[dialect] }).build();
    counts.injected++;
    try {
      await env.engine.up(m);
      fail('inject', `a migration with a failing raw step reported success on ${at.table}`);
    } catch (error) {
      const e = describeError(error);
      if (!e.ductape) {
        counts.untyped++;
        fail('inject', `a failing raw step threw untyped ${e.name} ${e.code ?? ''}: ${e.message.slice(0, 300)}`);
      }
    }
    try {
      const row = (await env.engine.getHistory()).find((h) => h.name === m.name);
      if (row) await env.engine.compensate(m.name);
    } catch (error) {
      const e = describeError(error);
      fail('inject', `compensate after a failing raw step failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 300)}`);
    }
    if ((await dumpOf(env)).full !== before.full || (await history()) !== rows) {
      counts.mismatches++;
      fail('inject', `after a failing raw step and compensate, the catalog or the history is not what it was (table ${at.table})`);
    }
  }
  if (at.last) {
    const before = await dumpOf(env);
    const rows = await history();
    const edited = { ...at.last, up: [...at.last.up, { type: 'createCollection', name: 'rt_edited', fields: [{ name: 'id', type: 'integer', primaryKey: true }] }] };
    for (const [what, run] of [
      ['up', () => env.engine.up(edited)],
      ['down', () => env.engine.down(edited)],
    ]) {
      counts.injected++;
      try {
        await run();
        fail('inject', `${what} of an edited migration (${at.last.name}) went through`);
      } catch (error) {
        const e = describeError(error);
        if (!(e.ductape && e.code === 'DUCTAPE_CHECKSUM_MISMATCH')) {
          if (!e.ductape) counts.untyped++;
          fail('inject', `${what} of an edited migration threw ${e.name} ${e.code ?? ''} instead of DUCTAPE_CHECKSUM_MISMATCH: ${e.message.slice(0, 200)}`);
        }
      }
    }
    if ((await dumpOf(env)).full !== before.full || (await history()) !== rows) fail('inject', `an edited migration changed the catalog or the history although refused`);
  }
}
