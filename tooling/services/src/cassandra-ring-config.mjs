// The three nodes of the Cassandra ring on one machine: their addresses, ports and settings.

/** How many nodes `services:up cassandra-cluster` starts. */
export const RING_NODES = 3;

/** The ring's name: a node of another cluster (the single `cassandra` node) refuses its gossip. */
export const RING_NAME = 'ductape-ring';

/**
 * @typedef {object} RingNodeAddress
 * @property {number} index 1-based
 * @property {string} host loopback address of its own (127.0.0.2, .3, .4)
 * @property {number} port CQL native transport
 * @property {number} storagePort internode (gossip, messaging)
 * @property {number} jmxPort local-only JMX, for nodetool
 */

/**
 * Node `index` listens on its own loopback address (127.0.0.<index + 1>: the single `cassandra`
 * node keeps 127.0.0.1) with the usual ports: CQL 9042 (DUCTAPE_SERVICES_CASSANDRA_CLUSTER_PORT),
 * storage 7000 (DUCTAPE_SERVICES_CASSANDRA_CLUSTER_STORAGE_PORT), and JMX 7201, 7202, 7203
 * (DUCTAPE_SERVICES_CASSANDRA_CLUSTER_JMX_PORT for node 1), which JMX binds on 127.0.0.1.
 * @example ringNodeAddress(2) // { index: 2, host: '127.0.0.3', port: 9042, storagePort: 7000, jmxPort: 7202 }
 * @param {number} index
 * @returns {RingNodeAddress}
 */
export function ringNodeAddress(index) {
  const env = process.env;
  return {
    index,
    host: `127.0.0.${index + 1}`,
    port: Number(env.DUCTAPE_SERVICES_CASSANDRA_CLUSTER_PORT ?? 9042),
    storagePort: Number(env.DUCTAPE_SERVICES_CASSANDRA_CLUSTER_STORAGE_PORT ?? 7000),
    jmxPort: Number(env.DUCTAPE_SERVICES_CASSANDRA_CLUSTER_JMX_PORT ?? 7201) + index - 1,
  };
}

/**
 * The yaml settings that differ from the single node: own address, the ring's name, node 1 as
 * the seed, 16 random tokens per node, and no bootstrap streaming (an empty ring has no data to
 * stream; cassandra.yaml's own advice for the nodes of a new cluster).
 * @example ringYamlOptions(2).seeds // '127.0.0.2:7000'
 * @param {number} index
 */
export function ringYamlOptions(index) {
  const node = ringNodeAddress(index);
  const seed = ringNodeAddress(1);
  return {
    address: node.host,
    clusterName: RING_NAME,
    seeds: `${seed.host}:${seed.storagePort}`,
    numTokens: 16,
    autoBootstrap: false,
    comment: `node ${index} of the throwaway ${RING_NODES}-node ring on ${node.host}`,
  };
}

/** The env setting: every node's CQL address, node 1 first. */
export function ringEnv() {
  const hosts = Array.from({ length: RING_NODES }, (_, i) => ringNodeAddress(i + 1)).map((n) => `${n.host}:${n.port}`);
  return { DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS: hosts.join(','), DUCTAPE_TEST_CASSANDRA_CLUSTER_DATACENTER: 'datacenter1' };
}
