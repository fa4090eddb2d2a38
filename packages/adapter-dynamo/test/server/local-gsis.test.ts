import { MigrationEngine, MigrationFailedError, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { failingAt } from '../support/failing-adapter.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Finding 42 (tooling/reliability): DynamoDB Local builds no SQLite index for a CreateTable's GSI
// whose keys repeat an earlier GSI's or are all table keys; deleting that GSI later fails inside
// the emulator and it stays DELETING for ever (our wait then times out). On DynamoDB Local the
// adapter adds every GSI of a new table with an UpdateTable of its own, which always gets an index.
// The short wait makes the emulator's hang fail the test in seconds instead of minutes.
describe.skipIf(!endpoint)('DynamoDB Local: GSIs of a new table can all be dropped again (finding 42)', () => {
  const prefix = uniquePrefix('lgsi');
  const adapter = makeAdapter(prefix, { waitTimeoutMs: 15_000 });
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  /** GSIs as DescribeTable reports them, sorted by name. */
  const gsis = async (table: string) =>
    ((await adapter.driver.describe(`${prefix}${table}`))?.GlobalSecondaryIndexes ?? [])
      .map((g) => `${g.IndexName} ${(g.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',')} ${g.IndexStatus}`)
      .sort();
  const fields = [
    { name: 'id', type: 'string' as const, primaryKey: true },
    { name: 'sk', type: 'string' as const, primaryKey: true },
    { name: 'shelf', type: 'string' as const },
  ];
  // Two GSIs on the same key, one on the table's partition key, one on both table keys inverted.
  const globalSecondaryIndexes = [
    { name: 'by_shelf', partitionKey: { name: 'shelf', type: 'S' as const } },
    { name: 'by_shelf_too', partitionKey: { name: 'shelf', type: 'S' as const } },
    { name: 'by_id', partitionKey: { name: 'id', type: 'S' as const } },
    { name: 'by_sk_id', partitionKey: { name: 'sk', type: 'S' as const }, sortKey: { name: 'id', type: 'S' as const } },
  ];
  const all = ['by_id id:HASH ACTIVE', 'by_shelf shelf:HASH ACTIVE', 'by_shelf_too shelf:HASH ACTIVE', 'by_sk_id sk:HASH,id:RANGE ACTIVE'];
  const dropAll = (name: string) => migration(name).dropIndex('books', 'by_shelf_too').dropIndex('books', 'by_id').dropIndex('books', 'by_sk_id').dropIndex('books', 'by_shelf').build();

  it('the probe knows DynamoDB Local', async () => {
    await adapter.connect();
    expect(adapter.features).toEqual({ gsisInCreateTable: false, tagging: false, pointInTimeRecovery: false, encryptionSettings: false });
  });

  it('a new table with repeated-key and table-key GSIs: every GSI drops, comes back with the down, and drops again', async () => {
    await engine.up(migration('l1_books').createCollection('books', fields, { dynamoOptions: { globalSecondaryIndexes } }).build());
    expect(await gsis('books')).toEqual(all);
    const drop = dropAll('l2_drop');
    await engine.up(drop);
    expect(await gsis('books')).toEqual([]);
    await engine.down(drop);
    expect(await gsis('books')).toEqual(all);
    await engine.up(drop);
    expect(await gsis('books')).toEqual([]);
  });

  it("a dropCollection's down recreates the table with its GSIs, and they drop again", async () => {
    await engine.up(migration('l3_books2').createCollection('books2', fields, { dynamoOptions: { globalSecondaryIndexes } }).build());
    const drop = migration('l4_drop_books2').dropCollection('books2').build();
    await engine.up(drop);
    expect(await adapter.driver.describe(`${prefix}books2`)).toBeUndefined();
    await engine.down(drop);
    expect(await gsis('books2')).toEqual(all);
    await engine.up(migration('l5_drop_gsis').dropIndex('books2', 'by_shelf_too').dropIndex('books2', 'by_sk_id').build());
    expect(await gsis('books2')).toEqual(['by_id id:HASH ACTIVE', 'by_shelf shelf:HASH ACTIVE']);
  });

  it('a runner that dies after the CreateTable: the next up adds the GSIs and nothing else', async () => {
    const m = migration('l6_books3').createCollection('books3', fields, { dynamoOptions: { globalSecondaryIndexes } }).build();
    const error = await new MigrationEngine(failingAt(adapter, [1])).up(m).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(await gsis('books3')).toEqual([]);
    expect(await engine.up(m)).toMatchObject({ outcome: 'resumed', stepsApplied: 5, stepsTotal: 5 });
    expect(await gsis('books3')).toEqual(all);
    await engine.down(m);
    expect(await adapter.driver.describe(`${prefix}books3`)).toBeUndefined();
  });
});
