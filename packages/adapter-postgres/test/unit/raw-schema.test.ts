import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresAdapter } from '../../src/index.js';

// Raw SQL of an adapter on a schema other than public sees that schema first on search_path
// (a schema-per-tenant fleet's raw migration changes its own tenant, not public), in a migration's
// transaction and in autocommit; the session's path is as before afterwards.
describe('PostgreSQL raw SQL in the adapter schema', () => {
  const adapter = new PostgresAdapter({ pglite: { dataDir: 'memory://' }, schema: 'tenant_a' });
  const tablesNamed = async (name: string) =>
    (await adapter.driver.query('SELECT table_schema FROM information_schema.tables WHERE table_name = $1 ORDER BY 1', [name])).rows.map((r) => r.table_schema);

  beforeAll(() => adapter.connect());
  afterAll(() => adapter.close());

  it('creates, alters and drops the tenant schema’s table, never public’s', async () => {
    const engine = new MigrationEngine(adapter);
    const before = (await adapter.driver.query('SHOW search_path')).rows[0]?.search_path;
    const create = migration('20261207_notes').raw('postgresql', 'CREATE TABLE notes (id int PRIMARY KEY)', { down: 'DROP TABLE notes' }).build();
    const alter = migration('20261207_notes_body').raw('postgresql', 'ALTER TABLE notes ADD COLUMN body text', { down: 'ALTER TABLE notes DROP COLUMN body' }).build();
    expect((await engine.up(create)).outcome).toBe('applied');
    expect((await engine.up(alter)).outcome).toBe('applied');
    expect(await tablesNamed('notes')).toEqual(['tenant_a']);
    const columns = await adapter.driver.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'tenant_a' AND table_name = 'notes' ORDER BY 1");
    expect(columns.rows.map((r) => r.column_name)).toEqual(['body', 'id']);
    expect((await engine.down(alter)).outcome).toBe('rolled_back');
    expect((await engine.down(create)).outcome).toBe('rolled_back');
    expect(await tablesNamed('notes')).toEqual([]);
    expect((await adapter.driver.query('SHOW search_path')).rows[0]?.search_path).toBe(before);
  });

  it('runs an autocommit session with the schema first and gives the path back', async () => {
    const before = (await adapter.driver.query('SHOW search_path')).rows[0]?.search_path;
    const seen = await adapter.withSession('autocommit', async () => (await adapter.driver.query('SHOW search_path')).rows[0]?.search_path);
    expect(seen).toBe(`"tenant_a", ${before}`);
    expect((await adapter.driver.query('SHOW search_path')).rows[0]?.search_path).toBe(before);
  });
});
