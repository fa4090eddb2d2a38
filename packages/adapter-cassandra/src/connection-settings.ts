import { InvalidArgumentError, redactSecrets } from '@ductape/core';
import type { CassandraAdapterOptions } from './cassandra-adapter.js';
import type { Replication } from './replication.js';

const URL_FORM = 'cassandra://[user[:password]@]host[:port][,host[:port]…]/keyspace?dc=<datacenter>[&rf=<n> | &replication=<dc>:<n>,…]';

/**
 * Adapter options from a connection URL or settings object (see README).
 * URL: `cassandra://user:pass@h1:9042,h2:9042/app?dc=datacenter1&rf=3` (SimpleStrategy, 3 replicas)
 * or `…&replication=dc1:3,dc2:2` (NetworkTopologyStrategy). Object: `{ contactPoints,
 * localDataCenter, keyspace, replication?, username?, password?, schemaAgreementTimeoutMs? }`.
 * @example parseConnection('cassandra://127.0.0.1:9042/app?dc=datacenter1').keyspace // 'app'
 */
export function parseConnection(connection: unknown): Partial<CassandraAdapterOptions> {
  if (typeof connection === 'string') return parseUrl(connection);
  if (typeof connection === 'object' && connection !== null && !Array.isArray(connection)) {
    const c = connection as Record<string, unknown>;
    if (typeof c.url === 'string') return { ...parseUrl(c.url), ...withoutUrl(c) };
    return c as Partial<CassandraAdapterOptions>;
  }
  throw new InvalidArgumentError('the Cassandra connection', `a URL (${URL_FORM}) or { contactPoints, localDataCenter, keyspace }`, connection);
}

function parseUrl(url: string): Partial<CassandraAdapterOptions> {
  const m = /^cassandra:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)(?:\/([^?#]*))?(?:\?([^#]*))?$/.exec(url);
  if (!m) throw new InvalidArgumentError('the Cassandra connection URL', URL_FORM, redactSecrets(url));
  const [, user, password, hosts = '', keyspace, query] = m;
  const params = new URLSearchParams(query ?? '');
  const dc = params.get('dc') ?? params.get('localDataCenter') ?? undefined;
  const timeout = params.get('schemaAgreementTimeoutMs');
  return {
    contactPoints: hosts.split(',').filter((h) => h !== ''),
    ...(dc !== undefined ? { localDataCenter: dc } : {}),
    ...(keyspace ? { keyspace: decodeURIComponent(keyspace) } : {}),
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password !== undefined ? { password: decodeURIComponent(password) } : {}),
    ...(timeout !== null ? { schemaAgreementTimeoutMs: Number(timeout) } : {}),
    ...replicationOf(params),
  };
}

function replicationOf(params: URLSearchParams): { replication?: Replication } {
  const rf = params.get('rf');
  if (rf !== null) return { replication: { class: 'SimpleStrategy', replication_factor: Number(rf) } };
  const per = params.get('replication');
  if (per === null) return {};
  const factors = Object.fromEntries(
    per
      .split(',')
      .map((pair) => pair.split(':') as [string, string])
      .map(([dc, n]) => [dc, Number(n)]),
  );
  return { replication: { class: 'NetworkTopologyStrategy', ...factors } };
}

function withoutUrl(c: Record<string, unknown>): Partial<CassandraAdapterOptions> {
  const { url: _url, ...rest } = c;
  return rest as Partial<CassandraAdapterOptions>;
}
