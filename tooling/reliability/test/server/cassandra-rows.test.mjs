import { requireServer } from '@ductape/services/require-server';
import { Client } from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cassandraRows } from '../../src/round-trip/rows/cassandra.mjs';

const hosts = requireServer('cassandra');
const keyspace = `ductape_rel_rows_${Date.now().toString(36)}`;

// The bounded Cassandra roundTrip run of 2026-12-07 failed one history writing rows
// ("Not a valid text value, expected String obtained 32767"): the driver encoded a recreated
// table's INSERT with the bind types it had cached for the old table of the same name.
describe.skipIf(!hosts)('roundTrip rows on Cassandra', () => {
  /** @type {Client} */
  let client;
  beforeAll(async () => {
    client = new Client({
      contactPoints: hosts.split(','),
      localDataCenter: process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1',
    });
    await client.connect();
    await client.execute(`CREATE KEYSPACE ${keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
  });
  afterAll(async () => {
    await client?.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    await client?.shutdown();
  });

  it('writes into a table recreated with another column type under the same name', async () => {
    const rows = cassandraRows(client, keyspace);
    await client.execute(`CREATE TABLE ${keyspace}.tags (id int PRIMARY KEY, n text)`);
    await rows.write({}, 'tags', [{ id: 1, n: 'one' }]);
    await client.execute(`DROP TABLE ${keyspace}.tags`);
    await client.execute(`CREATE TABLE ${keyspace}.tags (id int PRIMARY KEY, n smallint)`);
    await rows.write({}, 'tags', [{ id: 2, n: 32767 }]);
    const read = await rows.read({}, 'tags');
    expect([...read.entries()]).toEqual([[2, { id: 2, n: 32767 }]]);
  });
});
