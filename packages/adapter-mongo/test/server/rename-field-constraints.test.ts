import { type MigrationEngine, migration } from '@ductape/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { mongoSession } from '../support/mongo-session.js';
import { mongoUrl } from '../support/server.js';

// Reliability finding 14: after renameField the unique index follows the field, and so must the
// constraint _ductape_schema records (else introspection reports it on a field that is gone).
describe.skipIf(!mongoUrl)('renameField and the constraints recorded in _ductape_schema (FerretDB)', () => {
  const session = mongoSession(mongoUrl as string, 'ductape_f14');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;
  beforeAll(() => {
    ({ adapter, engine } = session);
  });

  it('introspection after the rename reports the constraint on the new field; down puts it back on the old one', async () => {
    const m1 = migration('m1')
      .createCollection('events', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'string', length: 40 },
      ])
      .addConstraint('events', { name: 'events_uq', type: 'unique', columns: ['code'] })
      .build();
    const m2 = migration('m2').renameField('events', 'code', 'body').build();
    await engine.up(m1);
    await engine.up(m2);
    const index = async () => (await adapter.driver.db.collection('events').listIndexes().toArray()).find((i) => i.name === 'events_uq')?.key;
    expect(await index()).toEqual({ body: 1 });
    const after = await adapter.introspect('events');
    expect(after?.constraints).toEqual([{ name: 'events_uq', type: 'unique', columns: ['body'] }]);
    expect(after?.fields.map((f) => f.name)).toEqual(['id', 'body']);

    await engine.down(m2);
    expect(await index()).toEqual({ code: 1 });
    const back = await adapter.introspect('events');
    expect(back?.constraints).toEqual([{ name: 'events_uq', type: 'unique', columns: ['code'] }]);
    expect(back?.fields.map((f) => f.name)).toEqual(['id', 'code']);
  });
});
