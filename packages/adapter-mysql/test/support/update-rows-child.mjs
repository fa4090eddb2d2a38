// Child process for the kill -9 test of db.update: runs one data migration in batches and prints
// a line after every committed batch, so the parent can SIGKILL it in the middle of the run.
// Args: url, flavor (mysql | mariadb), the update request as JSON, batch size.
import { resolveUpdate } from '@ductape/core';

const [url, flavor, json, batchSize] = process.argv.slice(2);
const adapter =
  flavor === 'mariadb'
    ? new (await import('../../../adapter-mariadb/dist/index.js')).MariadbAdapter({ connection: url, logger: false })
    : new (await import('../../dist/index.js')).MysqlAdapter({ connection: url, logger: false });
await adapter.connect();
const request = JSON.parse(json);
const resolved = resolveUpdate(request, await adapter.introspect(request.table));
await adapter.updateRows(resolved, {
  batchSize: Number(batchSize),
  maxLockMs: 60_000, // the parent counts rows as batches × batch size: no shrinking
  onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`),
});
await adapter.close();
