import { describe, expect, it } from 'vitest';
import { migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// Raw CQL runs in the adapter's keyspace: unqualified table names mean the migrated keyspace's
// tables, as in a cqlsh session after `USE`. Checked against system_schema.
describe.skipIf(!hosts)('Cassandra: raw CQL sees the adapter keyspace', () => {
  const ctx = useServerAdapter('rawks');

  const columns = async (keyspace: string): Promise<string[]> => {
    const { adapter } = ctx();
    const rs = await adapter.driver.execute('SELECT column_name FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?', [keyspace, 'videos']);
    return rs.rows.map((r) => String(r.get('column_name'))).sort();
  };

  it('runs an unqualified ALTER TABLE up and its down', async () => {
    const { engine, keyspace } = ctx();
    const create = migration('20261207_videos')
      .createCollection('videos', { id: { type: 'uuid', primaryKey: true }, title: 'string' })
      .build();
    const alter = migration('20261207_videos_x').raw('cassandra', 'ALTER TABLE videos ADD x int', { down: 'ALTER TABLE videos DROP x' }).build();
    expect((await engine.up(create)).outcome).toBe('applied');
    expect((await engine.up(alter)).outcome).toBe('applied');
    expect(await columns(keyspace)).toEqual(['id', 'title', 'x']);
    expect((await engine.down(alter)).outcome).toBe('rolled_back');
    expect(await columns(keyspace)).toEqual(['id', 'title']);
  }, 120_000);
});
