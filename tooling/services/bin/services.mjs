#!/usr/bin/env node
// pnpm services:up|down|status [names…] — see tooling/services/README.md.
import { withCommandLock } from '../src/command-lock.mjs';
import { down } from '../src/down.mjs';
import { restartNode } from '../src/restart-node.mjs';
import { status } from '../src/status.mjs';
import { up } from '../src/up.mjs';

const usage = `usage: services.mjs <up|down|status> [postgres mariadb mongo dynamo cassandra]
  up      install (cached) and start the named servers, all when none; writes .services.env
  down    stop them and delete their temporary data
  status  list servers, health and memory
  restart-node <galera|cassandra-cluster> <1|2|3>
          start a killed node of a cluster again and wait until the cluster is complete`;

const [command, ...names] = process.argv.slice(2);
/** @type {Record<string, (args: string[]) => Promise<number>>} */
const commands = {
  up: (args) => withCommandLock(() => up(args)),
  down: (args) => withCommandLock(() => down(args)),
  status: () => status(),
  'restart-node': (args) => withCommandLock(() => restartNode(args)),
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(usage);
  process.exit(command === '--help' || command === '-h' ? 0 : 2);
}
try {
  process.exitCode = await run(names);
} catch (error) {
  console.error(`services:${command}: ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
}
