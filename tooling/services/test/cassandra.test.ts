import { Client } from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

const hosts = requireServer('cassandra');

describe.skipIf(!hosts)('Cassandra smoke (cassandra-driver)', () => {
  const client = new Client({
    contactPoints: (hosts ?? '').split(','),
    localDataCenter: process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1',
  });
  beforeAll(() => client.connect());
  afterAll(() => client.shutdown());

  it('reads the server version', async () => {
    const result = await client.execute('SELECT release_version FROM system.local');
    expect(result.first().get('release_version')).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a table', async () => {
    await client.execute(
      "CREATE KEYSPACE IF NOT EXISTS ductape_smoke WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
    );
    await client.execute('CREATE TABLE ductape_smoke.items (id int PRIMARY KEY, name text)');
    await client.execute('INSERT INTO ductape_smoke.items (id, name) VALUES (?, ?)', [1, 'one'], { prepare: true });
    const row = (await client.execute('SELECT name FROM ductape_smoke.items WHERE id = ?', [1], { prepare: true })).first();
    expect(row.get('name')).toBe('one');
    await client.execute('DROP TABLE ductape_smoke.items');
    await client.execute('DROP KEYSPACE ductape_smoke');
    const left = await client.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'ductape_smoke'");
    expect(left.rowLength).toBe(0);
  });
});
