import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, MigrationEngine } from '../src/index.js';

function memoryConfig(): DuctapeConfig {
  const id = `${Date.now()}-cascade`;
  return { products: { app: { databases: { main: { adapter: '@ductape/core/testing', environments: { dev: `memory://dev-${id}` } } } } } };
}

// Issue 24 decision: db.schema.dropField of a column another table's foreign key references is
// refused before any change unless { cascade: true }, which drops the key too (down restores it).
describe('db.schema.dropField with foreign keys referencing the column', () => {
  it('refused without cascade, naming the key; with cascade the key goes and down brings it back', async () => {
    const db = new DatabaseService({ config: memoryConfig(), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    await db.schema.create('teams', { id: { type: 'integer', primaryKey: true }, code: { type: 'integer', unique: true } });
    await db.schema.create('players', { id: { type: 'integer', primaryKey: true }, teamCode: { type: 'integer', references: { table: 'teams', columns: ['code'] } } });
    const key = (await db.getAdapter().introspect('players'))?.constraints?.find((c) => c.type === 'foreignKey')?.name;
    expect(key).toEqual(expect.any(String));
    const refused = await db.schema.dropField('teams', 'code').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect((refused as Error).message).toContain(`players.${key}`);
    expect((refused as Error).message).toContain('{ cascade: true }');
    expect((await db.getAdapter().introspect('teams'))?.fields.map((f) => f.name)).toEqual(['id', 'code']);
    const { migration, result } = await db.schema.dropField('teams', 'code', { cascade: true });
    expect(result.outcome).toBe('applied');
    expect((await db.getAdapter().introspect('players'))?.constraints?.some((c) => c.name === key)).toBe(false);
    await new MigrationEngine(db.getAdapter()).down(migration);
    expect((await db.getAdapter().introspect('players'))?.constraints?.some((c) => c.name === key)).toBe(true);
  });
});
