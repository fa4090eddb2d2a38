import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { DatabaseService, type DuctapeConfig, MigrationEngine, migration } from '../../src/index.js';

const server = pgServer;
const envs = ['dev', 'staging', 'prd'] as const;

// Acceptance 2 and 3 of the sdk issue on the real server: three PostgreSQL databases as dev,
// staging and prd; the spec's status loop; the spec's rollback-to-a-point loop.
describe.skipIf(!server)('sdk on the PostgreSQL server', () => {
  const names = Object.fromEntries(envs.map((e) => [e, pgDatabaseName(`ductape_sdk_${e}`)]));
  const url = pgUrl;
  const config: DuctapeConfig = {
    products: { 'my-app': { databases: { 'main-db': { adapter: '@ductape/adapter-postgres', environments: Object.fromEntries(envs.map((e) => [e, url(names[e] as string)])) } } } },
  };
  const allMigrations = ['a', 'b', 'c'].map((n) =>
    migration(`create_${n}`)
      .createCollection(`t_${n}`, { id: { type: 'uuid', primaryKey: true }, v: 'integer' })
      .createIndex(`t_${n}`, `idx_t_${n}_v`, ['v'])
      .build(),
  );

  beforeAll(async () => {
    for (const e of envs) await pgAdmin(`CREATE DATABASE "${names[e]}"`);
  });
  afterAll(async () => {
    for (const e of envs) await pgAdmin(`DROP DATABASE IF EXISTS "${names[e]}" WITH (FORCE)`);
  });

  it('reports completed/total per environment with one engine (the spec loop)', async () => {
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
    const engine = new MigrationEngine(db.getAdapter());
    await engine.upAll(allMigrations);
    await db.connect({ env: 'staging', product: 'my-app', database: 'main-db' });
    await engine.up(allMigrations[0]!);
    const lines: string[] = [];
    for (const env of envs) {
      await db.connect({ env, product: 'my-app', database: 'main-db' });
      const status = await engine.getStatus({ definedMigrations: allMigrations });
      lines.push(`${env}: ${status.completed}/${status.total}`);
    }
    expect(lines).toEqual(['dev: 3/3', 'staging: 1/3', 'prd: 0/3']);
    await db.disconnect();
  });

  it('rolls back to a point using only getHistory(), restoring the schema (by introspection)', async () => {
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'prd', product: 'my-app', database: 'main-db' });
    const engine = new MigrationEngine(db.getAdapter());
    await engine.up(allMigrations[0]!);
    const before = await db.getAdapter().introspect('t_a');
    await engine.up(allMigrations[1]!);
    await db.schema.addField('t_a', 'extra', { type: 'string', length: 20 });
    await db.schema.dropIndex('t_a', 'idx_t_a_v', { confirm: true });
    const history = await engine.getHistory();
    const targetIndex = history.findIndex((h) => h.tag === allMigrations[0]!.tag);
    for (let i = history.length - 1; i > targetIndex; i--) await engine.down(history[i]!.migration);
    expect(await db.getAdapter().introspect('t_a')).toEqual(before);
    expect(await db.getAdapter().introspect('t_b')).toBeUndefined();
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['create_a']);
    await db.disconnect();
  });
});
