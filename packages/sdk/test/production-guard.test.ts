import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, type Operation, destructiveOperations, productionGuard } from '../src/index.js';

let seq = 0;
function memoryConfig(): DuctapeConfig {
  const id = `${Date.now()}-guard-${seq++}`;
  return { products: { app: { databases: { main: { adapter: '@ductape/core/testing', environments: { dev: `memory://dev-${id}`, prd: `memory://prd-${id}` } } } } } };
}

async function connected(env: string, vars: NodeJS.ProcessEnv = {}) {
  const db = new DatabaseService({ config: memoryConfig(), vars });
  await db.connect({ env, product: 'app', database: 'main' });
  return db;
}

describe('the production guard (one function for db.schema.* and the CLI)', () => {
  const ops: Operation[] = [
    { type: 'createCollection', name: 't', fields: [{ name: 'id', type: 'uuid' }] },
    { type: 'addField', collection: 't', field: { name: 'a', type: 'text' } },
    { type: 'dropField', collection: 't', field: 'a' },
    { type: 'renameField', collection: 't', from: 'a', to: 'b' },
    { type: 'renameCollection', from: 't', to: 'u' } as unknown as Operation,
    { type: 'modifyField', collection: 't', field: 'a', changes: { length: 500 }, previous: { name: 'a', type: 'string', length: 255 } },
    { type: 'modifyField', collection: 't', field: 'a', changes: { length: 100 }, previous: { name: 'a', type: 'string', length: 255 } },
    { type: 'modifyField', collection: 't', field: 'a', changes: { type: 'integer' } },
    { type: 'modifyField', collection: 't', field: 'a', changes: { default: 'x' } },
    { type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'a' }] },
    { type: 'dropIndex', collection: 't', name: 'i' },
    { type: 'dropConstraint', collection: 't', name: 'k' },
    { type: 'dropCollection', name: 't' },
    { type: 'raw', dialect: 'postgresql', sql: 'SELECT 1' },
  ];

  it('names drops, renames, narrowing (or unknown) type changes, dropIndex, dropConstraint and raw; not additive or widening ops', () => {
    expect(destructiveOperations(ops).map((d) => [d.index, d.operation])).toEqual([
      [2, 'dropField t.a'],
      [3, 'renameField t.a'],
      [4, 'renameCollection t'],
      [6, 'modifyField t.a'],
      [7, 'modifyField t.a'],
      [10, 'dropIndex i'],
      [11, 'dropConstraint k'],
      [12, 'dropCollection t'],
      [13, 'raw postgresql'],
    ]);
    expect(destructiveOperations(ops)[3]?.reason).toBe('shortens the length of "t.a" from 255 to 100');
  });

  it('applies on prd, prod and production only', () => {
    expect(productionGuard('dev', ops)).toEqual([]);
    expect(productionGuard('staging', ops)).toEqual([]);
    for (const env of ['prd', 'prod', 'production', 'PRD']) expect(productionGuard(env, ops)).toHaveLength(9);
  });

  it('db.schema.renameField on prd is refused before any change; { confirm: true } or DUCTAPE_CONFIRM_DESTRUCTIVE=1 confirms', async () => {
    const db = await connected('prd');
    await db.schema.create('people', { id: 'uuid', phone: 'text' });
    await expect(db.schema.renameField('people', 'phone', 'mobile')).rejects.toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    expect((await db.getAdapter().introspect('people'))?.fields.map((f) => f.name)).toEqual(['id', 'phone']);
    expect((await db.getAdapter().history.list()).map((e) => e.name)).toEqual(['create_people']);
    await db.schema.renameField('people', 'phone', 'mobile', { confirm: true });
    expect((await db.getAdapter().introspect('people'))?.fields.map((f) => f.name)).toEqual(['id', 'mobile']);
    const viaEnv = await connected('prd', { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' });
    await viaEnv.schema.create('people', { id: 'uuid', phone: 'text' });
    await expect(viaEnv.schema.renameField('people', 'phone', 'mobile')).resolves.toMatchObject({ result: { outcome: 'applied' } });
  });

  it('db.schema.modifyField on prd: a narrowing needs confirmation, a widening does not', async () => {
    const db = await connected('prd');
    await db.schema.create('people', { id: 'uuid', name: { type: 'string', length: 100 } });
    await expect(db.schema.modifyField('people', 'name', { length: 20 })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    await expect(db.schema.modifyField('people', 'name', { length: 200 })).resolves.toMatchObject({ result: { outcome: 'applied' } });
  });

  it('off production nothing is asked', async () => {
    const db = await connected('dev');
    await db.schema.create('people', { id: 'uuid', phone: 'text' });
    await expect(db.schema.renameField('people', 'phone', 'mobile')).resolves.toMatchObject({ result: { outcome: 'applied' } });
  });
});
