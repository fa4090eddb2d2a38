// The three nodes of the Galera cluster on one machine: their ports and defaults files.
import { join } from 'node:path';

/** How many nodes `services:up galera` starts. */
export const GALERA_NODES = 3;

/**
 * @typedef {object} GaleraNodePorts
 * @property {number} index 1-based
 * @property {number} port MySQL protocol
 * @property {number} gcomm group communication (wsrep)
 * @property {number} ist incremental state transfer
 * @property {number} sst rsync state snapshot transfer
 */

/**
 * Ports of node `index`: client ports from DUCTAPE_SERVICES_GALERA_PORT (33061, then +1, +2),
 * group communication 45671+, IST 45681+, SST 44441+ (DUCTAPE_SERVICES_GALERA_GCOMM_PORT moves
 * all three internal ranges together).
 * @example galeraPorts(2) // { index: 2, port: 33062, gcomm: 45672, ist: 45682, sst: 44442 }
 * @param {number} index
 * @returns {GaleraNodePorts}
 */
export function galeraPorts(index) {
  const base = Number(process.env.DUCTAPE_SERVICES_GALERA_PORT ?? 33061);
  const internal = Number(process.env.DUCTAPE_SERVICES_GALERA_GCOMM_PORT ?? 45671);
  const i = index - 1;
  return { index, port: base + i, gcomm: internal + i, ist: internal + 10 + i, sst: internal - 1230 + i };
}

/** @param {string} dir the cluster's temporary directory @param {number} index */
export function nodeDir(dir, index) {
  return join(dir, `n${index}`);
}

/**
 * The `[mysqld]` defaults file of one node, sized for a 2-core machine shared with other
 * servers: 32 MiB buffer pool, 16 MiB redo log, 32 MiB gcache, performance_schema off.
 * @example galeraDefaults('/tmp/ductape-services-galera-x', 1)
 * @param {string} dir
 * @param {number} index
 */
export function galeraDefaults(dir, index) {
  const me = galeraPorts(index);
  const all = Array.from({ length: GALERA_NODES }, (_, i) => galeraPorts(i + 1));
  const home = nodeDir(dir, index);
  return `[mysqld]
datadir=${join(home, 'data')}
port=${me.port}
socket=${join(home, 'mysqld.sock')}
pid-file=${join(home, 'mysqld.pid')}
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
performance_schema=OFF
max_connections=300
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=32M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=0
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=ductape
wsrep_node_name=n${index}
wsrep_cluster_address=gcomm://${all.map((n) => `127.0.0.1:${n.gcomm}`).join(',')}
wsrep_node_address=127.0.0.1:${me.gcomm}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${me.gcomm};ist.recv_addr=127.0.0.1:${me.ist};gcache.size=32M;gcache.page_size=32M"
wsrep_sst_receive_address=127.0.0.1:${me.sst}
wsrep_sst_method=rsync
wsrep_slave_threads=1
`;
}
