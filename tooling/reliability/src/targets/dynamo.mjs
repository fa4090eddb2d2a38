import { runName } from './names.mjs';

/**
 * DynamoDB Local on DUCTAPE_TEST_DYNAMO_ENDPOINT: a fresh table prefix per run (history and
 * lock table included). Items are written and read with the AWS SDK.
 * @example const ns = await dynamoTarget.provision('http://127.0.0.1:8000');
 */
export const dynamoTarget = {
  key: 'dynamo',
  pkg: '@ductape/adapter-dynamo',
  server: 'dynamo',
  /** @param {string} endpoint */
  async provision(endpoint) {
    const { DeleteTableCommand, DynamoDBClient, ListTablesCommand, PutItemCommand, ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const prefix = `${runName('rel')}_`;
    const host = new URL(endpoint).host;
    const client = () => new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const tables = async (c) => {
      const names = [];
      let start;
      for (let page = 0; page < 100; page++) {
        const r = await c.send(new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 }));
        names.push(...(r.TableNames ?? []));
        start = r.LastEvaluatedTableName;
        if (!start) break;
      }
      return names.filter((n) => n.startsWith(prefix));
    };
    return {
      key: 'dynamo',
      pkg: '@ductape/adapter-dynamo',
      multiProcess: true,
      connection: `dynamodb://${host}?region=us-east-1`,
      options: { tablePrefix: prefix, pollIntervalMs: 50 },
      raw: { dialect: 'dynamodb', sleep: undefined },
      // The secret access key is the password of a DynamoDB URL; DynamoDB Local accepts any.
      secretConnections: (marker) => ({ unreachable: `dynamodb://AKIDRELIABILITY:${marker}@127.0.0.1:1?region=us-east-1`, real: `dynamodb://AKIDRELIABILITY:${marker}@${host}?region=us-east-1` }),
      async openProbe() {
        const c = client();
        return {
          async insertRows(table, n) {
            for (let i = 1; i <= n; i++) await c.send(new PutItemCommand({ TableName: prefix + table, Item: { id: { N: String(i) }, name: { S: `row-${i}` } } }));
          },
          async countRows(table) {
            let count = 0;
            let start;
            for (let page = 0; page < 1000; page++) {
              const r = await c.send(new ScanCommand({ TableName: prefix + table, ExclusiveStartKey: start }));
              count += (r.Items ?? []).filter((it) => it.name?.S === `row-${it.id?.N}`).length;
              start = r.LastEvaluatedKey;
              if (!start) break;
            }
            return count;
          },
          async tableNames() {
            return (await tables(c)).map((n) => n.slice(prefix.length));
          },
          async close() {
            c.destroy();
          },
        };
      },
      async dispose() {
        const c = client();
        try {
          for (const t of await tables(c)) await c.send(new DeleteTableCommand({ TableName: t })).catch(() => undefined);
        } finally {
          c.destroy();
        }
      },
    };
  },
};
