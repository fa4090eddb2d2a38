import { describe, expect, it } from 'vitest';
import { MigrationEngine, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing/memory-adapter.js';

// A createCollection that met someone else's table used to fail at IO, and the next `up`, finding
// a table of that name, took the failed step as applied: its down then dropped a table the
// migration did not create (MySQL, MariaDB, DynamoDB and the in-memory adapter; found by the
// fleet runner's tests). It is now refused before any change, and leaves no history row.
describe('createCollection of a collection that exists', () => {
  it('is refused before IO, every time, and leaves the table and the history alone', async () => {
    const adapter = new MemoryAdapter();
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('theirs').createCollection('extra', { other: 'string' }).build());
    const ours = migration('ours')
      .createCollection('extra', { id: { type: 'integer', primaryKey: true }, name: 'string' })
      .build();
    for (let i = 0; i < 2; i++) await expect(engine.up(ours)).rejects.toMatchObject({ code: 'DUCTAPE_VALIDATION', message: expect.stringMatching(/collection "extra" already exists/) });
    expect((await engine.getHistory()).map((h) => `${h.name}:${h.status}`)).toEqual(['theirs:applied']);
    expect((await adapter.introspect('extra'))?.fields.map((f) => f.name)).toEqual(['other']);
  });

  it('is allowed after this migration drops it, and with ifNotExists (whose down then leaves it)', async () => {
    const adapter = new MemoryAdapter();
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('theirs').createCollection('extra', { other: 'string' }).build());
    await engine.up(migration('again').dropCollection('extra').createCollection('extra', { name: 'string' }).build());
    expect((await adapter.introspect('extra'))?.fields.map((f) => f.name)).toEqual(['name']);
    const keep = migration('keep')
      .createCollection('extra', { name: 'string' }, { sqlOptions: { ifNotExists: true } })
      .build();
    await engine.up(keep);
    await engine.down(keep);
    expect(await adapter.introspect('extra')).toBeDefined();
  });
});
