// Child process for the SIGKILL test: takes the migration lock through the engine and then
// sits in a long step, so the parent can kill it while it holds the lock.
import { MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '../../dist/index.js';

const [url, name] = process.argv.slice(2);
const adapter = new PostgresAdapter({ url });
await adapter.connect();
const engine = new MigrationEngine(adapter, {
  owner: `kill-test child pid ${process.pid}`,
  onProgress: (e) => {
    if (e.type === 'step:start') process.stdout.write(`${JSON.stringify({ holding: true, pid: process.pid })}\n`);
  },
});
await engine.up(migration(name).raw('postgresql', 'SELECT pg_sleep(120)', { down: 'SELECT 1' }).build());
