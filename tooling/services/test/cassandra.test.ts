import { Client } from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: servers may be shared by several runs at once (developers, CI), and a run
// that was killed must not leave a name the next run trips over.
const SMOKE = `ductape_smoke_${process.pid}_${Date.now()}`;

const hosts = requireServer('cassandra');

describe.skipIf(!hosts)('Cassandra smoke (cassandra-driver)', () => {
  // Made in beforeAll: a skipped describe still runs its body, and there may be no hosts.
  let client: Client;
  beforeAll(async () => {
    client = new Client({
      contactPoints: (hosts ?? '').split(','),
      localDataCenter: process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1',
    });
    await client.connect();
  });
  afterAll(() => client?.shutdown());

  it('reads the server version', async () => {
    const result = await client.execute('SELECT release_version FROM system.local');
    expect(result.first().get('release_version')).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a table', async () => {
    await client.execute(`CREATE KEYSPACE IF NOT EXISTS ${SMOKE} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
    await client.execute(`CREATE TABLE ${SMOKE}.items (id int PRIMARY KEY, name text)`);
    await client.execute(`INSERT INTO ${SMOKE}.items (id, name) VALUES (?, ?)`, [1, 'one'], { prepare: true });
    const row = (await client.execute(`SELECT name FROM ${SMOKE}.items WHERE id = ?`, [1], { prepare: true })).first();
    expect(row.get('name')).toBe('one');
    await client.execute(`DROP TABLE ${SMOKE}.items`);
    await client.execute(`DROP KEYSPACE ${SMOKE}`);
    const left = await client.execute(`SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = '${SMOKE}'`);
    expect(left.rowLength).toBe(0);
  });
});
