import { type MigrationEngine, migration } from '@ductape/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { mongoSession } from '../support/mongo-session.js';
import { mongoUrl } from '../support/server.js';

// roundTrip MongoDB full run (history 64, shrunk): modifyField string(20) → text, then its down,
// gave back a string without its maxLength: the validator patch rebuilt the field from the live
// property (a text has no length) instead of the definition the op recorded.
describe.skipIf(!mongoUrl)('the down of a modifyField restores the recorded definition (FerretDB)', () => {
  const session = mongoSession(mongoUrl as string, 'ductape_mtd');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;
  beforeAll(() => {
    ({ adapter, engine } = session);
  });

  it('string(20) → text, then down: the field is string(20) again, with its default and NOT NULL', async () => {
    const m1 = migration('m1')
      .createCollection('group', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'from', type: 'string', length: 20, default: 'ünï', required: true },
      ])
      .build();
    await engine.up(m1);
    const before = await adapter.introspect('group');
    const m2 = migration('m2').modifyField('group', 'from', { type: 'text' }).build();
    await engine.up(m2);
    // MongoDB has one string type: a text reads back as a string without a length.
    expect((await adapter.introspect('group'))?.fields.find((f) => f.name === 'from')).not.toHaveProperty('length');
    await engine.down(m2);
    expect(await adapter.introspect('group')).toEqual(before);
    expect(before?.fields.find((f) => f.name === 'from')).toMatchObject({ type: 'string', length: 20 });
  });
});
