// A child process for the kill -9 test: runs db.update ($ADD 1 on every row of `counters`) with
// the built adapter, small batches and few concurrent writes, printing each finished batch.
// argv: hosts keyspace datacenter
import { resolveUpdate } from '@ductape/core';
import { CassandraAdapter } from '../../dist/index.js';

const [hosts, keyspace, dc] = process.argv.slice(2);
const adapter = new CassandraAdapter({ contactPoints: hosts.split(','), localDataCenter: dc, keyspace, updateConcurrency: 2 });
await adapter.connect();
const update = resolveUpdate({ table: 'counters', data: { n: { $ADD: ['n', 1] } } }, await adapter.introspect('counters'));
const result = await adapter.updateRows(update, { batchSize: 40, onProgress: (p) => console.log(`batch ${p.batches} rows ${p.rowsUpdated}`) });
console.log(`done ${result.rowsUpdated}`);
await adapter.close();
