import { MigrationEngine, MigrationFailedError, type ProgressEvent, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../src/execute/wait.js';
import { failingAt } from '../support/failing-adapter.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Acceptance 2: a failure between the first and the second GSI leaves the migration failed with
// one step applied, and the next `up` resumes with the second.
describe.skipIf(!endpoint)('two GSIs, failure in between, resume (DynamoDB Local)', () => {
  const prefix = uniquePrefix('gsi');
  const adapter = makeAdapter(prefix);
  const gsiStatus = async (table: string) => ((await adapter.driver.describe(`${prefix}${table}`))?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.IndexStatus]).sort();
  const create = (table: string) =>
    migration(`create_${table}`)
      .createCollection(table, [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string' },
        { name: 'age', type: 'integer' },
      ])
      .build();
  const twoIndexes = (table: string, name: string) => migration(name).createIndex(table, 'by_email', ['email']).createIndex(table, 'by_age', ['age']).build();

  beforeAll(async () => {
    await new MigrationEngine(adapter).upAll([create('people'), create('others'), create('slow')]);
  });
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('a runner that dies after the first GSI: failed with 1 of 2 applied; the next up resumes with the second only', async () => {
    const m = twoIndexes('people', 'people_indexes');
    const flaky = failingAt(adapter, [1]);
    const error = await new MigrationEngine(flaky).up(m).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error).toMatchObject({ stepsApplied: 1, stepsTotal: 2 });
    const engine = new MigrationEngine(adapter, { onProgress: (e) => events.push(e) });
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect(row).toMatchObject({ status: 'failed', direction: 'up', stepsApplied: 1, stepsTotal: 2 });
    expect(await gsiStatus('people')).toEqual([['by_email', 'ACTIVE']]);

    const events: ProgressEvent[] = [];
    const result = await engine.up(m);
    expect(result).toMatchObject({ outcome: 'resumed', stepsApplied: 2, stepsTotal: 2 });
    expect(events.filter((e) => e.type === 'step:start').map((e) => (e.type === 'step:start' ? e.index : -1))).toEqual([1]);
    expect(await gsiStatus('people')).toEqual([
      ['by_age', 'ACTIVE'],
      ['by_email', 'ACTIVE'],
    ]);
    // age is an integer in create_people (history), so its key type is N although this migration does not say.
    expect((await adapter.driver.describe(`${prefix}people`))?.AttributeDefinitions).toContainEqual({ AttributeName: 'age', AttributeType: 'N' });
    expect((await engine.getHistory()).find((h) => h.name === m.name)).toMatchObject({ status: 'applied', stepsApplied: 2 });
    // The introspected indexes make the down complete: both GSIs go, one UpdateTable each.
    await engine.down(m);
    expect(await gsiStatus('people')).toEqual([]);
  });

  it('DynamoDB itself refusing the second GSI (a stray index of that name): fix by hand, then up resumes', async () => {
    const table = `${prefix}others`;
    await adapter.driver.send('UpdateTable', {
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by_age', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
    });
    const m = twoIndexes('others', 'others_indexes');
    const engine = new MigrationEngine(adapter);
    await expect(engine.up(m)).rejects.toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', stepsApplied: 1, stepsTotal: 2 });
    expect((await engine.getHistory()).find((h) => h.name === m.name)).toMatchObject({ status: 'failed', stepsApplied: 1, error: expect.stringContaining('UpdateTable') });
    await adapter.driver.send('UpdateTable', { TableName: table, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by_age' } }] });
    await waitFor(adapter.driver, { table, index: 'by_age', until: 'DELETED' }, adapter.settings);
    expect(await engine.up(m)).toMatchObject({ outcome: 'resumed' });
    expect(await gsiStatus('others')).toEqual([
      ['by_age', 'ACTIVE'],
      ['by_email', 'ACTIVE'],
    ]);
  });

  it('a wait that times out is resumed: the resumed run waits for the index (introspection answers once it is ACTIVE) and records the step', async () => {
    const m = migration('slow_index').createIndex('slow', 'by_email', ['email']).build();
    const impatient = makeAdapter(prefix, { waitTimeoutMs: 1, pollIntervalMs: 1 });
    const error = await new MigrationEngine(impatient).up(m).then(
      () => undefined,
      (e: unknown) => e,
    );
    // DynamoDB Local may finish the index before the first poll; then there is nothing to resume.
    if (error === undefined) return void console.warn('[gsi-resume] the index was ACTIVE at the first poll; nothing to resume');
    expect(String(error)).toMatch(/was not ACTIVE after/);
    // The step's effect (the index) is checked once the table is settled, so the step is recorded without being sent again.
    expect(await new MigrationEngine(adapter).up(m)).toMatchObject({ outcome: 'resumed', stepsApplied: 1 });
    expect(await gsiStatus('slow')).toEqual([['by_email', 'ACTIVE']]);
    await impatient.close();
  });
});
