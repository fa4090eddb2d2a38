// Child process for the settle test: takes the migration lock through the engine and runs a raw
// step `SELECT SLEEP(<seconds>)`, printing a line when the step starts, so the parent can SIGKILL
// it while that statement still runs on the server. Args: url, flavor (mysql | mariadb), seconds.
import { MigrationEngine, migration } from '@ductape/core';

const [url, flavor, seconds] = process.argv.slice(2);
const adapter =
  flavor === 'mariadb'
    ? new (await import('../../../adapter-mariadb/dist/index.js')).MariadbAdapter({ connection: url, logger: false })
    : new (await import('../../dist/index.js')).MysqlAdapter({ connection: url, logger: false });
await adapter.connect();
const engine = new MigrationEngine(adapter, {
  owner: `settle-test child pid ${process.pid}`,
  onProgress: (e) => {
    if (e.type === 'step:start') process.stdout.write(`${JSON.stringify({ holding: true, pid: process.pid })}\n`);
  },
});
await engine.up(
  migration('sleeps')
    .raw('mysql', `SELECT SLEEP(${Number(seconds)})`, { down: 'SELECT 1' })
    .build(),
);
