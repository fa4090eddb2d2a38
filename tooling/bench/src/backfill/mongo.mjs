// backfill on MongoDB (FerretDB here: `pnpm services:up mongo`, or DUCTAPE_TEST_MONGO_URL): mongodb,
// the adapter's driver. The key is _id. A fresh database per run, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { loadServicesEnv } from '../../../services/src/load-env.mjs';
import { driverOf } from './mysql-family.mjs';

export const defaultRows = 1_000_000;
export const defaultBatch = 5_000;
export const goals = { ratio_vs_single_statement: 0.5, longest_batch_ms: 1000, writer_worst_ms: 200 };

const { MongoClient } = driverOf('adapter-mongo', 'mongodb');
const PIPELINE = [{ $set: { full_name: { $concat: ['$first_name', ' ', '$last_name'] } } }];
// FerretDB 1.24 deadlocked on an update command of ~100 statements (the adapter writes in
// commands of 50 there, from buildInfo); the loop does the same without pipeline updates.
const FERRETDB_STATEMENTS_PER_WRITE = 50;

export async function open() {
  loadServicesEnv();
  const server = process.env.DUCTAPE_TEST_MONGO_URL;
  if (!server) throw new Error('no MongoDB server: run `pnpm services:up mongo` (or set DUCTAPE_TEST_MONGO_URL)');
  const name = `ductape_bench_backfill_${randomBytes(3).toString('hex')}`;
  const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const client = new MongoClient(url);
  await client.connect();
  const db = client.db(name);
  const users = db.collection('users');
  const build = await db.command({ buildInfo: 1 });
  const ferret = typeof build.ferretdbVersion === 'string' ? `FerretDB ${build.ferretdbVersion}` : undefined;
  const pipelineUpdates = await db
    .command({ update: 'bench_probe', updates: [{ q: { _id: 0 }, u: [{ $set: { x: 1 } }] }] })
    .then(() => true)
    .catch(() => false);
  await db
    .collection('bench_probe')
    .drop()
    .catch(() => undefined);
  const chunk = ferret ? FERRETDB_STATEMENTS_PER_WRITE : 1000;
  return {
    where: `${new URL(server).host}/${name} (${ferret ?? `MongoDB ${build.version}`}; pipeline updates: ${pipelineUpdates ? 'yes' : 'no'})`,
    sdk: { adapter: '@ductape/adapter-mongo', url, options: { onMissingFeature: 'warn', logger: { warn: () => undefined } } },
    table: 'users',
    key: '_id',
    async load(rows) {
      for (let from = 1; from <= rows; from += 1000) {
        const ids = Array.from({ length: Math.min(1000, rows - from + 1) }, (_, i) => from + i);
        await users.insertMany(ids.map((id) => ({ _id: id, first_name: `First${id}`, last_name: `Last${id}`, full_name: null, counter: 0 })));
      }
    },
    reset: () => users.updateMany({}, { $set: { full_name: null } }),
    async openWriter() {
      const w = new MongoClient(url);
      await w.connect();
      const coll = w.db(name).collection('users');
      return { write: (id) => coll.updateOne({ _id: id }, { $inc: { counter: 1 } }), close: () => w.close() };
    },
    singleStatementText: pipelineUpdates ? `db.users.updateMany({ full_name: null }, ${JSON.stringify(PIPELINE)})` : undefined,
    singleStatement: pipelineUpdates
      ? async () => (await users.updateMany({ full_name: null }, PIPELINE)).modifiedCount
      : `no single statement on ${ferret ?? 'this server'}: it has no pipeline updates (updateMany with $concat of fields)`,
    loopText: pipelineUpdates
      ? 'keyset batches along _id: find the next batchSize ids, then one updateMany({ _id: { $in: ids }, full_name: null }, pipeline $set $concat)'
      : `keyset batches along _id: find the next batchSize documents with full_name null (first and last name), compute full_name here, write with bulkWrite updateOne $set in commands of ${chunk}`,
    async loop(batchSize) {
      let last = 0;
      let updated = 0;
      for (;;) {
        if (pipelineUpdates) {
          const ids = (await users.find({ _id: { $gt: last } }, { projection: { _id: 1 }, sort: { _id: 1 }, limit: batchSize }).toArray()).map((d) => d._id);
          if (ids.length === 0) return updated;
          updated += (await users.updateMany({ _id: { $in: ids }, full_name: null }, PIPELINE)).modifiedCount;
          last = ids.at(-1);
        } else {
          const docs = await users.find({ _id: { $gt: last }, full_name: null }, { projection: { first_name: 1, last_name: 1 }, sort: { _id: 1 }, limit: batchSize }).toArray();
          if (docs.length === 0) return updated;
          for (let i = 0; i < docs.length; i += chunk) {
            const ops = docs.slice(i, i + chunk).map((d) => ({ updateOne: { filter: { _id: d._id, full_name: null }, update: { $set: { full_name: `${d.first_name} ${d.last_name}` } } } }));
            updated += (await users.bulkWrite(ops, { ordered: false })).modifiedCount;
          }
          last = docs.at(-1)._id;
        }
      }
    },
    remaining: () => users.countDocuments({ full_name: null }),
    fullName: async (id) => (await users.findOne({ _id: id }))?.full_name,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
