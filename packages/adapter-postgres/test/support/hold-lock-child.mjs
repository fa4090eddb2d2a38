// Child process for the SIGKILL test: takes the migration lock through the engine and then
// sits in a long step (pg_sleep of argv[4] seconds, default 120), so the parent can kill it while
// it holds the lock and its work statement still runs on the server.
import { MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '../../dist/index.js';

const [url, name, seconds = '120'] = process.argv.slice(2);
const adapter = new PostgresAdapter({ url });
await adapter.connect();
const engine = new MigrationEngine(adapter, {
  owner: `kill-test child pid ${process.pid}`,
  onProgress: (e) => {
    if (e.type === 'step:start') process.stdout.write(`${JSON.stringify({ holding: true, pid: process.pid })}\n`);
  },
});
await engine.up(
  migration(name)
    .raw('postgresql', `SELECT pg_sleep(${Number(seconds)})`, { down: 'SELECT 1' })
    .build(),
);
