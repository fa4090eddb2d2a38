import { describe, expect, it } from 'vitest';
import { CassandraAdapter, createAdapter, parseConnection, replicationMap } from '../../src/index.js';

describe('connection settings', () => {
  it('parses a cassandra:// URL with several hosts, credentials, datacenter and replication', () => {
    expect(parseConnection('cassandra://app:s%3Acret@10.0.0.1:9042,10.0.0.2/shop?dc=eu1&rf=3')).toEqual({
      contactPoints: ['10.0.0.1:9042', '10.0.0.2'],
      localDataCenter: 'eu1',
      keyspace: 'shop',
      username: 'app',
      password: 's:cret',
      replication: { class: 'SimpleStrategy', replication_factor: 3 },
    });
    expect(parseConnection('cassandra://h/ks?dc=dc1&replication=dc1:3,dc2:2').replication).toEqual({ class: 'NetworkTopologyStrategy', dc1: 3, dc2: 2 });
  });

  it('never echoes a password in an error', () => {
    let message = '';
    try {
      parseConnection('postgres://app:hunter2@h/x');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('cassandra://');
    expect(message).not.toContain('hunter2');
  });

  it('createAdapter takes a URL or a settings object; the keyspace defaults to the database name', async () => {
    const fromUrl = await createAdapter({ connection: 'cassandra://127.0.0.1:9042/shop?dc=datacenter1', product: 'p', database: 'd', env: 'dev' });
    expect(fromUrl).toBeInstanceOf(CassandraAdapter);
    expect((fromUrl as CassandraAdapter).keyspace).toBe('shop');
    const fromObject = await createAdapter({ connection: { contactPoints: ['127.0.0.1'], localDataCenter: 'datacenter1' }, product: 'p', database: 'orders', env: 'dev' });
    expect((fromObject as CassandraAdapter).keyspace).toBe('orders');
    expect(() => new CassandraAdapter({ contactPoints: ['h'], localDataCenter: 'dc', keyspace: 'bad name' })).toThrow(/keyspace/);
  });

  it('renders the replication map as CQL, refusing bad factors', () => {
    expect(replicationMap({ class: 'NetworkTopologyStrategy', dc2: 2, dc1: 3 })).toBe("{'class': 'NetworkTopologyStrategy', 'dc1': '3', 'dc2': '2'}");
    expect(() => replicationMap({ class: 'SimpleStrategy', replication_factor: -1 })).toThrow(/replicas/);
  });
});
