import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, MigrationEngine, migration } from '../src/index.js';

let seq = 0;
/** A config with dev/staging/prd as three separate in-memory databases. */
function memoryConfig(): DuctapeConfig {
  const id = `${Date.now()}-${seq++}`;
  return {
    products: {
      'my-app': {
        databases: {
          'main-db': {
            adapter: '@ductape/core/testing',
            environments: { dev: `memory://dev-${id}`, staging: `memory://staging-${id}`, prd: `memory://prd-${id}` },
          },
        },
      },
    },
  };
}

async function connected(env = 'dev', config = memoryConfig()) {
  const db = new DatabaseService({ config, vars: {} });
  await db.connect({ env, product: 'my-app', database: 'main-db' });
  return db;
}

describe('db.schema', () => {
  it('runs the Quick Example and refuses to repeat it with "already exists"', async () => {
    const db = await connected();
    const result = await db.schema.create(
      'users',
      {
        id: { type: 'uuid', primaryKey: true },
        email: { type: 'string', length: 255, required: true, unique: true },
        name: { type: 'string', length: 100 },
      },
      { timestamps: true },
    );
    expect(result.migration.tag).toMatch(/^\d{8}_\d{6}_create_users$/);
    expect(result.result.outcome).toBe('applied');
    expect(result.migration.down).toEqual([{ type: 'dropCollection', name: 'users' }]);
    const error = (await db.schema.create('users', { id: 'uuid' }).catch((e: Error) => e)) as Error;
    expect(error.message.includes('already exists')).toBe(true);
    expect(error).toMatchObject({ code: 'DUCTAPE_ALREADY_EXISTS' });
  });

  it('addField gives the down the spec shows', async () => {
    const db = await connected();
    await db.schema.create('users', { id: 'uuid' });
    const { migration: m } = await db.schema.addField('users', 'phone', 'string');
    expect(m.down).toEqual([{ type: 'dropField', collection: 'users', field: 'phone' }]);
  });

  it('drops and changes carry the introspected definition, so down restores it', async () => {
    const db = await connected();
    await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 }, age: 'integer' });
    await db.schema.createIndex('users', ['email'], { unique: true, name: 'idx_users_email' });
    const before = await db.getAdapter().introspect('users');
    const engine = new MigrationEngine(db.getAdapter());
    const changes = [
      await db.schema.modifyField('users', 'email', { length: 500, required: true }),
      await db.schema.renameField('users', 'age', 'years'),
      await db.schema.dropIndex('users', 'idx_users_email'),
      await db.schema.dropField('users', 'years'),
    ];
    expect(changes[0]!.migration.up[0]).toMatchObject({ previous: { name: 'email', type: 'string', length: 255 } });
    for (const c of changes.reverse()) await engine.down(c.migration);
    expect(await db.getAdapter().introspect('users')).toEqual(before);
    const dropped = await db.schema.drop('users');
    await engine.down(dropped.migration);
    expect(await db.getAdapter().introspect('users')).toEqual(before);
  });

  it('names migrations uniquely so a re-created table is a new migration', async () => {
    const db = await connected();
    const first = await db.schema.create('t', { id: 'uuid' });
    await db.schema.drop('t');
    const again = await db.schema.create('t', { id: 'uuid' });
    expect([first.migration.name, again.migration.name]).toEqual(['create_t', 'create_t_2']);
    expect(again.result.outcome).toBe('applied');
  });

  it('says what does not exist', async () => {
    const db = await connected();
    await expect(db.schema.dropField('nope', 'x')).rejects.toMatchObject({ code: 'DUCTAPE_NOT_FOUND' });
    await db.schema.create('users', { id: 'uuid' });
    await expect(db.schema.dropField('users', 'x')).rejects.toThrow(/field "users.x" does not exist/);
    await expect(db.schema.addField('users', 'id', 'uuid')).rejects.toThrow(/already exists/);
  });

  it('refuses destructive operations on prd without confirmation, before any change', async () => {
    const db = await connected('prd');
    await db.schema.create('old_table', { id: 'uuid', legacy: 'text' });
    await expect(db.schema.dropField('old_table', 'legacy')).rejects.toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    await expect(db.schema.drop('old_table', { cascade: true })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    expect((await db.getAdapter().introspect('old_table'))?.fields.map((f) => f.name)).toEqual(['id', 'legacy']);
    await db.schema.drop('old_table', { cascade: true, confirm: true });
    expect(await db.getAdapter().introspect('old_table')).toBeUndefined();
    const viaEnv = new DatabaseService({ config: memoryConfig(), vars: { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' } });
    await viaEnv.connect({ env: 'prd', product: 'my-app', database: 'main-db' });
    await viaEnv.schema.create('x', { id: 'uuid' });
    await expect(viaEnv.schema.drop('x')).resolves.toMatchObject({ result: { outcome: 'applied' } });
  });

  it('an engine made from getAdapter() follows connect() across environments (the spec loop)', async () => {
    const config = memoryConfig();
    const db = new DatabaseService({ config, vars: {} });
    const all = [1, 2, 3].map((i) => migration(`m${i}`).createCollection(`t${i}`, { id: 'uuid' }).build());
    await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
    const engine = new MigrationEngine(db.getAdapter());
    await engine.upAll(all);
    await db.connect({ env: 'staging', product: 'my-app', database: 'main-db' });
    await engine.up(all[0]!);
    const seen: string[] = [];
    for (const env of ['dev', 'staging', 'prd']) {
      await db.connect({ env, product: 'my-app', database: 'main-db' });
      const status = await engine.getStatus({ definedMigrations: all });
      seen.push(`${env}: ${status.completed}/${status.total}`);
    }
    expect(seen).toEqual(['dev: 3/3', 'staging: 1/3', 'prd: 0/3']);
    await db.disconnect();
    expect(() => db.getAdapter()).toThrow(/connect/);
  });
});
