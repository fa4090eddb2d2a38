// `services:down [names…]`: stop recorded servers (all when none), delete their data.
import { groupMembers } from './processes.mjs';
import { resolveNames } from './registry.mjs';
import { writeServicesEnv } from './services-env.mjs';
import { listStates } from './state.mjs';
import { stopServer } from './stop-server.mjs';

/**
 * @param {string[]} args
 * @returns {Promise<number>} exit code
 */
export async function down(args) {
  const states = listStates();
  const known = [...new Set([...states.map((s) => s.name), 'postgres', 'mariadb', 'mysql', 'mongo', 'dynamo', 'cassandra', 'galera', 'cassandra-cluster'])];
  const names = args.length === 0 ? states.map((s) => s.name) : resolveNames(args, known);
  let exitCode = 0;
  await Promise.all(
    states
      .filter((s) => names.includes(s.name))
      .map(async (state) => {
        const { killed } = await stopServer(state);
        const leaders = state.nodes ? state.nodes.map((n) => n.pid) : [state.pid];
        const left = leaders.flatMap((pid) => (pid === undefined ? [] : groupMembers(pid)));
        if (left.length > 0) {
          exitCode = 1;
          console.error(`  ✗ ${state.name}: processes still running after SIGKILL: ${left.join(' ')}`);
        } else {
          const how = state.mode === 'testcontainers' ? `container ${state.containerId?.slice(0, 12)}` : state.nodes ? `pids ${state.nodes.map((n) => n.pid).join(' ')}` : `pid ${state.pid}`;
          console.log(`  ✓ ${state.name} stopped (${how}${killed.length ? `, killed ${killed.length} after timeout` : ''})`);
        }
      }),
  );
  if (names.length === 0) console.log('services:down: nothing was running');
  for (const name of names.filter((n) => !states.some((s) => s.name === n))) console.log(`  - ${name} was not running`);
  writeServicesEnv();
  return exitCode;
}
