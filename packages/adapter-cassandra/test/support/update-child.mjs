// A child process for the kill -9 tests: runs db.update with the built adapter, small batches and
// few concurrent writes, printing each finished batch. argv: hosts keyspace datacenter [mode]
// mode 'add' (default): $ADD 1 on every row of `counters`; 'concat': the spec's backfill on `people_killed`.
import { resolveUpdate } from '@ductape/core';
import { CassandraAdapter } from '../../dist/index.js';

const [hosts, keyspace, dc, mode = 'add'] = process.argv.slice(2);
const adapter = new CassandraAdapter({ contactPoints: hosts.split(','), localDataCenter: dc, keyspace, updateConcurrency: 2 });
await adapter.connect();
const request =
  mode === 'concat'
    ? { table: 'people_killed', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }
    : { table: 'counters', data: { n: { $ADD: ['n', 1] } } };
const update = resolveUpdate(request, await adapter.introspect(request.table));
const result = await adapter.updateRows(update, { batchSize: 40, onProgress: (p) => console.log(`batch ${p.batches} rows ${p.rowsUpdated}`) });
console.log(`done ${result.rowsUpdated}`);
await adapter.close();
