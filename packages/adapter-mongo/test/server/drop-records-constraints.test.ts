import { type MigrationEngine, migration } from '@ductape/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { catalog } from '../support/catalog.js';
import { mongoSession } from '../support/mongo-session.js';
import { mongoUrl } from '../support/server.js';

// Reliability finding 16: introspection of a collection without constraints must still report
// `constraints: []`, or core's resolution does not track a constraint added earlier in the same
// migration as a dropCollection, and the drop's recorded definition (its down) lacks it.
describe.skipIf(!mongoUrl)('dropCollection records a constraint added earlier in its migration (FerretDB)', () => {
  const session = mongoSession(mongoUrl as string, 'ductape_f16');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;
  beforeAll(() => {
    ({ adapter, engine } = session);
  });

  it('introspection reports constraints: [] for a collection without any', async () => {
    await engine.up(
      migration('plain')
        .createCollection('plain', [{ name: 'id', type: 'integer', primaryKey: true }])
        .build(),
    );
    expect((await adapter.introspect('plain'))?.constraints).toEqual([]);
  });

  it('up m1, up m2, down m2: the down succeeds and the catalog is as after m1', async () => {
    const m1 = migration('m1')
      .createCollection('Mixed Case', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'name', type: 'string', length: 100 },
      ])
      .build();
    const m2 = migration('m2')
      .addConstraint('Mixed Case', { name: 'Mixed Case_uq', type: 'unique', columns: ['name'] })
      .dropCollection('Mixed Case')
      .build();
    await engine.up(m1);
    const afterM1 = await catalog(adapter.driver.db);
    const introspected = await adapter.introspect('Mixed Case');
    await engine.up(m2);
    const recorded = (await adapter.history.list()).find((e) => e.name === 'm2')?.migration;
    expect(recorded?.down[0]).toMatchObject({ type: 'createCollection', name: 'Mixed Case', constraints: [{ name: 'Mixed Case_uq', type: 'unique', columns: ['name'] }] });
    await engine.down(m2);
    expect(await catalog(adapter.driver.db)).toEqual(afterM1);
    expect(await adapter.introspect('Mixed Case')).toEqual(introspected);
  });
});
