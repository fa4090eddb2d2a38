// backfill on DynamoDB Local (`pnpm services:up dynamo`, or DUCTAPE_TEST_DYNAMO_ENDPOINT):
// @aws-sdk/client-dynamodb, the adapter's driver. full_name null is an absent attribute. Tables
// under a fresh prefix per run, deleted afterwards. There is no single statement: null.
import { randomBytes } from 'node:crypto';
import { loadServicesEnv } from '../../../services/src/load-env.mjs';
import { driverOf } from './mysql-family.mjs';

export const defaultRows = 100_000;
export const defaultBatch = 1_000;
export const goals = { ratio_vs_loop: 0.9 };

const aws = driverOf('adapter-dynamo', '@aws-sdk/client-dynamodb');
// Writes are not throttled in either contender (the adapter's default is 100 a second, for AWS).
const MAX_WRITES_PER_SECOND = 1_000_000;

export async function open() {
  loadServicesEnv();
  const endpoint = process.env.DUCTAPE_TEST_DYNAMO_ENDPOINT;
  if (!endpoint) throw new Error('no DynamoDB Local: run `pnpm services:up dynamo` (or set DUCTAPE_TEST_DYNAMO_ENDPOINT)');
  const prefix = `bench_backfill_${randomBytes(3).toString('hex')}_`;
  const TableName = `${prefix}users`;
  const client = () => new aws.DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const c = client();
  const send = (Command, input) => c.send(new aws[Command](input));
  const item = (id) => ({ id: { N: String(id) }, first_name: { S: `First${id}` }, last_name: { S: `Last${id}` }, counter: { N: '0' } });
  const scanAll = async (input, each) => {
    let ExclusiveStartKey;
    do {
      const page = await send('ScanCommand', { TableName, ConsistentRead: true, ...input, ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}) });
      await each(page);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  };
  return {
    where: `${new URL(endpoint).host} ${TableName}`,
    sdk: {
      adapter: '@ductape/adapter-dynamo',
      url: `dynamodb://${new URL(endpoint).host}?region=us-east-1`,
      options: { tablePrefix: prefix, pollIntervalMs: 100, maxWritesPerSecond: MAX_WRITES_PER_SECOND },
    },
    table: 'users',
    key: 'id',
    // BatchWriteItem of 25, 4 requests in flight. A Put replaces the whole item, so loading again
    // is also the reset (full_name absent, counter 0).
    async load(rows) {
      const chunks = [];
      for (let from = 1; from <= rows; from += 25) chunks.push(Array.from({ length: Math.min(25, rows - from + 1) }, (_, i) => ({ PutRequest: { Item: item(from + i) } })));
      const worker = async () => {
        for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
          let requests = { [TableName]: chunk };
          while (requests && Object.keys(requests).length > 0) requests = (await send('BatchWriteItemCommand', { RequestItems: requests })).UnprocessedItems;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    },
    reset(rows) {
      return this.load(rows);
    },
    async openWriter() {
      const w = client();
      return {
        write: (id) =>
          w.send(
            new aws.UpdateItemCommand({
              TableName,
              Key: { id: { N: String(id) } },
              UpdateExpression: 'SET #c = #c + :one',
              ExpressionAttributeNames: { '#c': 'counter' },
              ExpressionAttributeValues: { ':one': { N: '1' } },
            }),
          ),
        close: async () => w.destroy(),
      };
    },
    singleStatement: 'no single statement on DynamoDB (every item is its own UpdateItem)',
    loopText:
      'Scan pages of batchSize items (ConsistentRead, filter attribute_not_exists(full_name), projection id, first_name, last_name), then per item, one after the other, UpdateItem SET full_name conditional on attribute_not_exists(full_name)',
    async loop(batchSize) {
      let updated = 0;
      await scanAll({ Limit: batchSize, FilterExpression: 'attribute_not_exists(full_name)', ProjectionExpression: 'id, first_name, last_name' }, async (page) => {
        for (const it of page.Items ?? []) {
          try {
            await send('UpdateItemCommand', {
              TableName,
              Key: { id: it.id },
              UpdateExpression: 'SET full_name = :v',
              ConditionExpression: 'attribute_not_exists(full_name)',
              ExpressionAttributeValues: { ':v': { S: `${it.first_name.S} ${it.last_name.S}` } },
            });
            updated++;
          } catch (error) {
            if (error?.name !== 'ConditionalCheckFailedException') throw error;
          }
        }
      });
      return updated;
    },
    async remaining() {
      let n = 0;
      await scanAll({ Select: 'COUNT', FilterExpression: 'attribute_not_exists(full_name)' }, (page) => {
        n += page.Count ?? 0;
      });
      return n;
    },
    fullName: async (id) => (await send('GetItemCommand', { TableName, Key: { id: { N: String(id) } }, ConsistentRead: true })).Item?.full_name?.S,
    async close() {
      const names = [];
      let ExclusiveStartTableName;
      do {
        const page = await send('ListTablesCommand', ExclusiveStartTableName ? { ExclusiveStartTableName } : {});
        names.push(...(page.TableNames ?? []).filter((n) => n.startsWith(prefix)));
        ExclusiveStartTableName = page.LastEvaluatedTableName;
      } while (ExclusiveStartTableName);
      for (const name of names) await send('DeleteTableCommand', { TableName: name }).catch(() => undefined);
      c.destroy();
    },
  };
}
