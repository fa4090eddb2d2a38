#!/usr/bin/env node
// Benchmark `dynamo-gsi`: a migration adding two GSIs through MigrationEngine + DynamoAdapter,
// versus the same two UpdateTable calls sent with the bare SDK, each followed by the same
// DescribeTable polling until ACTIVE (same interval). Fresh table per contender per round,
// interleaved rounds with alternating order; median and best of rounds. Progress on stderr, last
// line on stdout: one JSON object. Needs the built packages (`pnpm bench` builds a missing dist)
// and DynamoDB Local (`pnpm services:up dynamo`, or DUCTAPE_TEST_DYNAMO_ENDPOINT).
//   pnpm bench dynamo-gsi [--rounds 7] [--poll 100]
import { setTimeout as sleep } from 'node:timers/promises';
import { loadavg } from 'node:os';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoAdapter } from '@ductape/adapter-dynamo';
import { MigrationEngine, migration } from '@ductape/core';
import { loadServicesEnv } from '@ductape/services/load-env';

const arg = (args, name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const KEYS = [{ AttributeName: 'id', AttributeType: 'S' }];

async function createTable(client, TableName) {
  await client.send(new CreateTableCommand({ TableName, AttributeDefinitions: KEYS, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
  await until(client, TableName, (t) => t?.TableStatus === 'ACTIVE', 100);
}

async function until(client, TableName, done, poll) {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    if (done(Table)) return;
    await sleep(poll);
  }
}

const gsiActive = (name) => (t) => t?.GlobalSecondaryIndexes?.some((g) => g.IndexName === name && g.IndexStatus === 'ACTIVE' && g.Backfilling !== true);

async function bare(client, TableName, poll) {
  for (const [name, attr, type] of [
    ['by_email', 'email', 'S'],
    ['by_age', 'age', 'N'],
  ]) {
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: attr, AttributeType: type }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: name, KeySchema: [{ AttributeName: attr, KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
      }),
    );
    await until(client, TableName, gsiActive(name), poll);
  }
}

async function ductape(adapter, collection, round) {
  const m = migration(`bench_gsi_${round}`).createIndex(collection, 'by_email', ['email']).createIndex(collection, 'by_age', ['age']).build();
  // age is an integer in the (untimed) create migration, so the adapter sends N, as the bare calls do.
  await new MigrationEngine(adapter).up(m);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** @param {string[]} args */
export async function run(args = []) {
  loadServicesEnv();
  const endpoint = process.env.DUCTAPE_TEST_DYNAMO_ENDPOINT ?? 'http://127.0.0.1:8000';
  const rounds = arg(args, 'rounds', 7);
  const poll = arg(args, 'poll', 100);
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
  const prefix = `bench_gsi_${Date.now().toString(36)}_`;
  const adapter = new DynamoAdapter({ endpoint, region: 'us-east-1', credentials }, { tablePrefix: prefix, pollIntervalMs: poll });
  const times = { ductape: [], bare: [] };
  const tables = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['ductape', 'bare'] : ['bare', 'ductape'];
      for (const who of order) {
        const collection = `${who}_${r}`;
        const table = `${prefix}${collection}`;
        tables.push(table);
        if (who === 'ductape') {
          await new MigrationEngine(adapter).up(
            migration(`create_${collection}`)
              .createCollection(collection, [
                { name: 'id', type: 'string', primaryKey: true },
                { name: 'email', type: 'string' },
                { name: 'age', type: 'integer' },
              ])
              .build(),
          );
        } else await createTable(client, table);
        const t0 = performance.now();
        if (who === 'ductape') await ductape(adapter, collection, r);
        else await bare(client, table, poll);
        times[who].push(performance.now() - t0);
      }
      console.error(`round ${r + 1}/${rounds}: ductape ${times.ductape.at(-1).toFixed(0)} ms, bare ${times.bare.at(-1).toFixed(0)} ms`);
    }
  } finally {
    for (const TableName of [...tables, `${prefix}_ductape_migrations`]) await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
    client.destroy();
    await adapter.close();
  }
  const result = {
    bench: 'dynamo-gsi',
    rounds,
    poll_ms: poll,
    ductape_median_ms: Math.round(median(times.ductape)),
    bare_median_ms: Math.round(median(times.bare)),
    ratio_median: Number((median(times.ductape) / median(times.bare)).toFixed(3)),
    ratio_best: Number((Math.min(...times.ductape) / Math.min(...times.bare)).toFixed(3)),
    goal: 'ratio ≤ 1.05',
    loadavg: loadavg().map((x) => Number(x.toFixed(2))),
  };
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(process.argv.slice(2))));
}
