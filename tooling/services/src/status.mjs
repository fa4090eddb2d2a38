// `services:status`: what runs, on which port, healthy or not, and its memory.
import { groupRssKiB } from './processes.mjs';
import { ringNodeLines } from './cassandra-cluster.mjs';
import { galeraNodeStatus } from './galera.mjs';
import { isAlive } from './processes.mjs';
import { clusterNames, findService, nativeServices } from './registry.mjs';
import { listStates } from './state.mjs';
import { isRunning } from './stop-server.mjs';

/** @returns {Promise<number>} exit code */
export async function status() {
  const states = listStates();
  const names = [...new Set([...nativeServices.map((s) => s.name), ...clusterNames, ...states.map((s) => s.name)])];
  for (const name of names) {
    const state = states.find((s) => s.name === name);
    if (!state) {
      console.log(`${name.padEnd(10)} stopped`);
      continue;
    }
    if (!isRunning(state)) {
      console.log(`${name.padEnd(10)} not running (stale record; \`pnpm services:down ${name}\` cleans it)  log: ${state.logFile}`);
      continue;
    }
    if (state.mode === 'testcontainers') {
      console.log(`${name.padEnd(10)} container ${state.containerId?.slice(0, 12)} on 127.0.0.1:${state.port}`);
      continue;
    }
    if (state.nodes && name === 'cassandra-cluster') {
      const lines = await ringNodeLines(state);
      const nodes = lines.map(({ node: n, what }) => `n${n.index} ${n.host}:${n.port} ${what} pid ${n.pid} rss ${(n.pid !== undefined && isAlive(n) ? groupRssKiB(n.pid) / 1024 : 0).toFixed(0)} MiB`);
      console.log(`${name.padEnd(10)} ${nodes.join(' | ')}  data ${state.dataDir}  log ${state.logFile}`);
      continue;
    }
    if (state.nodes && state.dataDir) {
      const dir = state.dataDir;
      const nodes = await Promise.all(
        state.nodes.map(async (n) => {
          const s = isAlive(n) ? await galeraNodeStatus(dir, n.index) : undefined;
          const rss = n.pid !== undefined && isAlive(n) ? groupRssKiB(n.pid) / 1024 : 0;
          return `n${n.index} :${n.port} ${s ? `${s.state} size ${s.size}` : 'DOWN'} pid ${n.pid} rss ${rss.toFixed(0)} MiB`;
        }),
      );
      console.log(`${name.padEnd(10)} ${nodes.join(' | ')}  data ${state.dataDir}  log ${state.logFile}`);
      continue;
    }
    const service = nativeServices.some((s) => s.name === name) ? findService(name) : undefined;
    const healthy = service ? await service.probe(state.port).catch(() => false) : false;
    const rssMiB = state.pid === undefined ? 0 : groupRssKiB(state.pid) / 1024;
    console.log(`${name.padEnd(10)} ${healthy ? 'healthy' : 'UNHEALTHY'} on 127.0.0.1:${state.port}  pid ${state.pid}  rss ${rssMiB.toFixed(0)} MiB  data ${state.dataDir}  log ${state.logFile}`);
  }
  return 0;
}
