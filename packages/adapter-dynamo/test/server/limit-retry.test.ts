import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDriver } from '../../src/dynamo-driver.js';
import type { DynamoEvent } from '../../src/dynamo-settings.js';
import { sendWhenAllowed } from '../../src/execute/send-when-allowed.js';
import { resolveSettings } from '../../src/dynamo-settings.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// DynamoDB refuses an index build while too many are under way — AWS and DynamoDB Local: one per
// table at a time, and a few across the account — with LimitExceededException, before any change.
// The round-trip run, several runners on one endpoint, failed migrations on it. The adapter now
// tries such a command again with a growing pause (up to waitTimeoutMs) instead of failing.
describe.skipIf(!endpoint)('DynamoDB: a command refused for the concurrency limit is tried again', () => {
  const prefix = uniquePrefix('lim');
  const adapter = makeAdapter(prefix);
  const table = `${prefix}books`;
  // The AWS SDK itself tries a LimitExceededException three times within a second or two (its
  // throttling retry), which is what the round-trip run outlasted; with its retry off, each
  // refusal reaches the adapter and the test sees the adapter's own retry.
  const driver = new DynamoDriver({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
    driver.close();
  });

  const createIndex = (name: string) => ({
    TableName: table,
    AttributeDefinitions: [{ AttributeName: name, AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: `by_${name}`, KeySchema: [{ AttributeName: name, KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
  });
  const statuses = async () => ((await adapter.driver.describe(table))?.GlobalSecondaryIndexes ?? []).map((g) => `${g.IndexName} ${g.IndexStatus}`).sort();

  it('a second index build on a table whose first is under way waits for it instead of failing', async () => {
    await adapter.driver.send('CreateTable', {
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    // Without the retry the same command fails: the refusal this test is about does happen.
    await driver.send('UpdateTable', createIndex('a0'));
    await expect(driver.send('UpdateTable', createIndex('b0'))).rejects.toMatchObject({ awsName: 'LimitExceededException' });
    const events: DynamoEvent[] = [];
    const settings = resolveSettings({ pollIntervalMs: 50, waitTimeoutMs: 30_000, onEvent: (e) => events.push(e) });
    // DynamoDB Local finishes a build on its next one-second tick; when that tick falls between the
    // two commands the second is not refused, so a few rounds are allowed.
    let refusals = 0;
    for (let round = 1; round <= 5 && refusals === 0; round++) {
      await new Promise((r) => setTimeout(r, 1_100));
      events.length = 0;
      await driver.send('UpdateTable', createIndex(`a${round}`));
      await sendWhenAllowed(driver, 'UpdateTable', createIndex(`b${round}`), settings);
      refusals = events.filter((e) => e.type === 'limit' && e.table === table && e.command === 'UpdateTable').length;
    }
    expect(refusals).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await statuses()).filter((s) => s.startsWith('by_b')).length).toBeGreaterThan(0);
    expect((await statuses()).every((s) => s.endsWith('ACTIVE'))).toBe(true);
  }, 60_000);

  it('gives up with the refusal, typed, once waitTimeoutMs has passed', async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    const settings = resolveSettings({ pollIntervalMs: 50, waitTimeoutMs: 1 });
    await driver.send('UpdateTable', createIndex('c1'));
    await expect(sendWhenAllowed(driver, 'UpdateTable', createIndex('d1'), settings)).rejects.toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', awsName: 'LimitExceededException' });
  }, 30_000);
});
