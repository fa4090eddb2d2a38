import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { valueKind, wrongKind } from './kinds.mjs';

const TAG = { number: 'N', string: 'S', boolean: 'BOOL' };

/**
 * Rows of the round trip on DynamoDB, written and read with the AWS SDK beside the adapter: one
 * PutItem per row (numbers as `N`, strings as `S`, booleans as `BOOL`; a null is an absent
 * attribute, DynamoDB's null), read back with a paged Scan. An attribute stored with another type
 * than the field's (e.g. `S` for an integer) reads as a mismatch.
 * @example const rows = dynamoRows(client, 'rel_1a2b_'); await rows.write(profile, 'items', [{ id: 1 }], table);
 * @param {import('@aws-sdk/client-dynamodb').DynamoDBClient} client
 * @param {string} prefix the run's table prefix
 */
export function dynamoRows(client, prefix) {
  return {
    async write(_profile, table, rows, model) {
      for (const row of rows) {
        const Item = {};
        for (const [k, v] of Object.entries(row)) {
          if (v === null || v === undefined) continue;
          const kind = valueKind(model?.fields.find((f) => f.name === k)?.type) ?? (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'string');
          Item[k] = { [TAG[kind]]: kind === 'boolean' ? v : String(v) };
        }
        await client.send(new PutItemCommand({ TableName: prefix + table, Item }));
      }
    },
    async read(_profile, table, model) {
      const out = new Map();
      let start;
      for (let page = 0; page < 1000; page++) {
        const r = await client.send(new ScanCommand({ TableName: prefix + table, ExclusiveStartKey: start }));
        for (const item of r.Items ?? []) {
          const row = {};
          for (const [k, av] of Object.entries(item)) row[k] = plain(valueKind(model?.fields.find((f) => f.name === k)?.type), av);
          out.set(Number(item.id?.N), row);
        }
        start = r.LastEvaluatedKey;
        if (!start) break;
      }
      return out;
    },
  };
}

function plain(kind, av) {
  const [tag, v] = Object.entries(av)[0] ?? [];
  if (tag === 'NULL') return null;
  if (kind === undefined) return v;
  return tag === TAG[kind] ? v : wrongKind(tag, JSON.stringify(v));
}
