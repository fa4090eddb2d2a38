import { describe, expect, it } from 'vitest';
import { MigrationFailedError, migration, type Migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';

function threeTables(name: string, extra?: (b: ReturnType<typeof migration>) => ReturnType<typeof migration>): Migration {
  let b = migration(name)
    .at(new Date('2024-01-15T14:30:52Z'))
    .createCollection(`${name}_accounts`, { id: { type: 'uuid', primaryKey: true }, name: 'string' });
  b = extra ? extra(b) : b.createCollection(`${name}_ledger`, { id: { type: 'uuid', primaryKey: true }, amount: 'decimal' });
  return b.createCollection(`${name}_invoices`, { id: { type: 'uuid', primaryKey: true }, account_id: 'uuid', total: 'decimal' }).build();
}

describe.skipIf(!hosts)('Cassandra: a failure halfway through a multi-table migration', () => {
  const ctx = useServerAdapter('resume');

  it('the second CREATE TABLE fails: recorded failed with 1 of 3 steps; the next up resumes at step 2', async () => {
    const { adapter, engine, keyspace } = ctx();
    // Step 2 is a raw CREATE TABLE (a createCollection of an existing table is refused before any
    // change since the fifth session), and someone else's table of the same name makes it fail.
    const m = threeTables('r1', (b) => b.raw('cassandra', `CREATE TABLE "${keyspace}"."r1_ledger" (id uuid PRIMARY KEY, amount decimal)`, { down: `DROP TABLE "${keyspace}"."r1_ledger"` }));
    await adapter.driver.execute(`CREATE TABLE "${keyspace}"."r1_ledger" (k int PRIMARY KEY)`, [], true);
    const error = await engine.up(m).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error).toMatchObject({ stepsApplied: 1, stepsTotal: 3 });
    const row = (await engine.getHistory()).find((h) => h.name === 'r1');
    expect(row).toMatchObject({ status: 'failed', direction: 'up', stepsApplied: 1, stepsTotal: 3 });
    expect(row?.error).toMatch(/already exist/i);
    expect(await adapter.introspect('r1_accounts')).toBeDefined();
    expect(await adapter.introspect('r1_invoices')).toBeUndefined();

    await adapter.driver.execute(`DROP TABLE "${keyspace}"."r1_ledger"`, [], true);
    // Resuming re-runs neither step 1 (its CREATE TABLE would fail: the table exists) nor more.
    const resumed = await engine.up(m);
    expect(resumed).toMatchObject({ outcome: 'resumed', stepsApplied: 3, stepsTotal: 3 });
    expect((await adapter.introspect('r1_ledger'))?.fields.map((f) => f.name)).toEqual(['id', 'amount']);
    expect(await adapter.introspect('r1_invoices')).toBeDefined();
    expect((await engine.getHistory()).find((h) => h.name === 'r1')).toMatchObject({ status: 'applied', stepsApplied: 3 });
    expect((await engine.up(m)).outcome).toBe('skipped');
    await engine.down(m);
    for (const t of ['r1_accounts', 'r1_ledger', 'r1_invoices']) expect(await adapter.introspect(t)).toBeUndefined();
  });

  it("a bad raw step fails it; up with { recover: 'compensate' } undoes step 1 and applies the fixed migration", async () => {
    const { adapter, engine, keyspace } = ctx();
    const bad = threeTables('r2', (b) => b.raw('cassandra', `CREATE TABLE "${keyspace}"."r2_ledger" (id uuid PRIMARY KEY, amount no_such_type)`));
    await expect(engine.up(bad)).rejects.toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', stepsApplied: 1 });
    const good = threeTables('r2');
    await expect(engine.up(good)).rejects.toMatchObject({ code: 'DUCTAPE_FAILED_MIGRATION_PENDING' });
    const applied = await engine.up(good, { recover: 'compensate' });
    expect(applied.outcome).toBe('applied');
    for (const t of ['r2_accounts', 'r2_ledger', 'r2_invoices']) expect(await adapter.introspect(t)).toBeDefined();
  });
});
