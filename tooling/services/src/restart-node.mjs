// `services:restart-node <galera|cassandra-cluster> <index>`: starts one node of a cluster again
// after a test (or a person) killed it, and waits until the cluster is complete. A node that is
// still running is left alone (the ring is still waited for).
import { restartRingNode } from './cassandra-ring-nodes.mjs';
import { restartGaleraNode } from './galera-nodes.mjs';
import { isAlive } from './processes.mjs';
import { readState } from './state.mjs';

/**
 * @example await restartNode(['cassandra-cluster', '3']) // 0, after "node 3 restarted, ring complete in 41.3 s"
 * @param {string[]} args cluster name and 1-based node index
 * @returns {Promise<number>} exit code
 */
export async function restartNode(args) {
  const [name, raw] = args;
  const index = Number(raw);
  const cluster = name === 'cassandra-ring' ? 'cassandra-cluster' : name;
  if ((cluster !== 'galera' && cluster !== 'cassandra-cluster') || !(Number.isInteger(index) && index >= 1 && index <= 3)) {
    console.error('usage: services.mjs restart-node <galera|cassandra-cluster> <1|2|3>');
    return 2;
  }
  const began = Date.now();
  if (cluster === 'cassandra-cluster') {
    const { restarted } = await restartRingNode(index);
    console.log(`cassandra-cluster node ${index} ${restarted ? 'restarted' : 'was running'}; ring complete after ${((Date.now() - began) / 1000).toFixed(1)} s`);
    return 0;
  }
  const node = readState('galera')?.nodes?.find((n) => n.index === index);
  if (!node) throw new Error('no galera cluster is recorded: run `pnpm services:up galera`');
  if (isAlive(node)) {
    console.log(`galera node ${index} is running`);
    return 0;
  }
  await restartGaleraNode(index);
  console.log(`galera node ${index} restarted and Synced in a cluster of 3 after ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return 0;
}
