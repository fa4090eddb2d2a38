import { type Client, types } from 'cassandra-driver';

/** One node's schema version as the adapter could read it. */
export interface NodeSchemaVersion {
  /** The node's CQL address as the driver knows it (`host:port`), or its broadcast address from system.peers. */
  readonly node: string;
  /** The schema version, or undefined when neither the node nor a peer could tell. */
  readonly version: string | undefined;
  /**
   * Where the version comes from: `own` (the node's system.local, read on the node itself),
   * `gossip` (a peer's system.peers row: the last version the node gossiped; the node did not
   * answer within 3 s) or `unknown`.
   */
  readonly source: 'own' | 'gossip' | 'unknown';
  /** Why the node was not read directly, when it was not ('driver marks it down', 'no answer within 3000 ms'). */
  readonly unreachable?: string;
}

const READ_TIMEOUT_MS = 3000;

/**
 * Every ring member's schema version: each node the driver knows is asked for its own
 * system.local (the query pinned to that node, 3 s read timeout); for a node that is down or does
 * not answer, the last version it gossiped is taken from a node that answered (its system.peers).
 * Ring members the driver has not met (in system.peers only) are listed too.
 * @example await schemaVersions(client) // [{ node: '127.0.0.2:9042', version: '5f2…', source: 'own' }, …]
 */
export async function schemaVersions(client: Client): Promise<NodeSchemaVersion[]> {
  const hosts = client.hosts.values();
  const own = await Promise.all(
    hosts.map(async (host) => {
      if (!host.isUp()) return { host, unreachable: 'the driver marks it down' };
      try {
        const r = await client.execute('SELECT schema_version FROM system.local', [], { host, readTimeout: READ_TIMEOUT_MS, isIdempotent: true, consistency: types.consistencies.one });
        return { host, version: r.first()?.get('schema_version')?.toString() as string | undefined };
      } catch (error) {
        return { host, unreachable: `no answer within ${READ_TIMEOUT_MS} ms (${error instanceof Error ? error.constructor.name : 'error'})` };
      }
    }),
  );
  const answering = own.find((o) => o.version !== undefined)?.host;
  const gossiped = new Map<string, string | undefined>();
  if (answering) {
    try {
      const peers = await client.execute('SELECT peer, rpc_address, schema_version FROM system.peers', [], { host: answering, readTimeout: READ_TIMEOUT_MS, isIdempotent: true });
      for (const row of peers.rows) gossiped.set(String(row.get('rpc_address') ?? row.get('peer')), row.get('schema_version')?.toString());
    } catch {
      // The answering node stopped answering: the nodes read directly are still reported.
    }
  }
  const ip = (address: string) => address.replace(/:\d+$/, '');
  const result: NodeSchemaVersion[] = own.map((o) => {
    if (o.version !== undefined) return { node: o.host.address, version: o.version, source: 'own' };
    const g = gossiped.get(ip(o.host.address));
    return { node: o.host.address, version: g, source: g === undefined ? 'unknown' : 'gossip', ...(o.unreachable ? { unreachable: o.unreachable } : {}) };
  });
  for (const [address, version] of gossiped) {
    if (!hosts.some((h) => ip(h.address) === address)) result.push({ node: address, version, source: version === undefined ? 'unknown' : 'gossip', unreachable: 'not known to the driver' });
  }
  return result.sort((a, b) => a.node.localeCompare(b.node));
}

/**
 * The nodes that disagree: every node whose version differs from `reference` (the version the
 * schema change's coordinator reports, else the most common one) or is unknown.
 * @example disagreeing(versions, 'aa…') // [{ node: '127.0.0.4:9042', version: '9f…', source: 'gossip', unreachable: '…' }]
 */
export function disagreeing(versions: readonly NodeSchemaVersion[], reference?: string): NodeSchemaVersion[] {
  const counts = new Map<string, number>();
  for (const v of versions) if (v.version !== undefined) counts.set(v.version, (counts.get(v.version) ?? 0) + 1);
  const ref = reference ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return versions.filter((v) => v.version === undefined || v.version !== ref);
}
