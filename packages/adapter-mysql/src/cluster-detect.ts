import type { MysqlQueryable } from './mysql-driver.js';

/** A cluster where every node takes writes and GET_LOCK is node-local. */
export type MysqlClusterKind = 'galera' | 'group-replication';

/**
 * What kind of cluster the connected server belongs to, or undefined for a single server (or a
 * classic asynchronous replica set, whose replicas take no writes). Galera: `wsrep_on` = ON with a
 * provider loaded, whatever the cluster size now (a one-node cluster today is three tomorrow, and
 * runners that chose their lock at different sizes would not exclude each other). MySQL group
 * replication: a group name and at least one member ONLINE.
 * @example await detectCluster(connection) // 'galera'
 */
export async function detectCluster(db: MysqlQueryable): Promise<MysqlClusterKind | undefined> {
  const rows = await db.query("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_provider', 'group_replication_group_name')");
  const v = new Map(rows.map((r) => [String(r.Variable_name), String(r.Value ?? '')]));
  const provider = (v.get('wsrep_provider') ?? '').trim().toLowerCase();
  if (v.get('wsrep_on')?.toUpperCase() === 'ON' && provider !== '' && provider !== 'none') return 'galera';
  if ((v.get('group_replication_group_name') ?? '') !== '') {
    // Not allowed to read performance_schema: a configured group is taken as a cluster (the safe side).
    const online = await db.query("SELECT COUNT(*) AS n FROM performance_schema.replication_group_members WHERE MEMBER_STATE = 'ONLINE'").then(
      ([m]) => Number(m?.n),
      () => 1,
    );
    if (online > 0) return 'group-replication';
  }
  return undefined;
}
