// Child process for the kill -9 test of db.update: runs one data migration in batches and prints
// a line after every committed batch, so the parent can SIGKILL it in the middle of the run.
// Args: url, the update request as JSON, batch size.
import { resolveUpdate } from '@ductape/core';
import { PostgresDataAdapter } from '../../dist/index.js';

const [url, json, batchSize] = process.argv.slice(2);
const adapter = new PostgresDataAdapter({ url });
await adapter.connect();
const request = JSON.parse(json);
const resolved = resolveUpdate(request, await adapter.introspect(request.table));
await adapter.updateRows(resolved, {
  batchSize: Number(batchSize),
  maxLockMs: 60_000, // the parent counts rows as batches × batch size: no shrinking
  onBatch: (rows) => process.stdout.write(`${rows}\n`),
});
await adapter.close();
