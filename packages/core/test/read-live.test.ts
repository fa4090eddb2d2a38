import { describe, expect, it } from 'vitest';
import { type CollectionSnapshot, type LiveRead, MigrationEngine, type Step, ValidationError, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

/**
 * An adapter with readLive (issue 22): counts its reads. Its preflight refuses a migration that
 * creates `forbidden`, whether it runs on its own or on readLive's read.
 */
class ReadCounting extends MemoryAdapter {
  reads: string[] = [];
  override async introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    this.reads.push(`introspect ${collection}`);
    return super.introspect(collection);
  }
  async preflight(steps: readonly Step[]): Promise<void> {
    this.reads.push('preflight');
    refuse(steps);
  }
  async readLive(collections: readonly string[], check?: { readonly steps: readonly Step[]; readonly direction: 'up' | 'down' }): Promise<LiveRead> {
    this.reads.push(`readLive ${[...collections].join(',')}${check ? ' +preflight' : ''}`);
    const read = new Map<string, CollectionSnapshot | undefined>();
    for (const name of collections) read.set(name, await super.introspect(name));
    return check ? { collections: read, preflight: async () => refuse(check.steps) } : { collections: read };
  }
}

function refuse(steps: readonly Step[]): void {
  if (steps.some((s) => s.summary === 'createCollection forbidden')) throw new ValidationError('migration', [{ code: 'live_conflict', path: 'up[0]', message: 'the live schema says no' }]);
}

describe('adapter.readLive: one catalog read per migration', () => {
  it('a migration needing no resolution: its new-name checks and the preflight on one read, nothing else', async () => {
    const adapter = new ReadCounting();
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('users').createCollection('users', { id: 'integer' }).build());
    await engine.up(migration('phone').addField('users', 'phone', 'text').createIndex('users', 'users_phone', ['phone']).build());
    await engine.up(migration('idx').createIndex('users', 'users_id', ['id']).build());
    expect(adapter.reads).toEqual(['readLive users +preflight', 'readLive users +preflight', 'readLive  +preflight']);
  });

  it('reads the live schema on every migration (nothing kept): a table made in between is refused before any change', async () => {
    const adapter = new ReadCounting();
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('a').createCollection('a', { id: 'integer' }).build());
    await new MigrationEngine(new MemoryAdapter({ database: adapter.database })).up(migration('other').createCollection('b', { id: 'integer' }).build());
    const executed = adapter.executed.length;
    const error = await engine.up(migration('b').createCollection('b', { id: 'integer' }).build()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['already_exists']);
    expect(adapter.executed.length).toBe(executed);
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['a', 'other']);
  });

  it("the adapter's refusal on that read still comes before anything is written, after core's own checks", async () => {
    const adapter = new ReadCounting();
    const engine = new MigrationEngine(adapter);
    await expect(engine.up(migration('f').createCollection('forbidden', { id: 'integer' }).build())).rejects.toBeInstanceOf(ValidationError);
    expect(adapter.executed).toEqual([]);
    expect(await engine.getHistory()).toEqual([]);
    expect(adapter.reads).toEqual(['readLive forbidden +preflight']);
  });

  it('a migration needing resolution reads its collections in one readLive, then runs the preflight on the resolved steps', async () => {
    const adapter = new ReadCounting();
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('t').createCollection('t', { id: 'integer', a: 'text' }).createCollection('u', { id: 'integer' }).build());
    adapter.reads = [];
    await engine.up(migration('drop').dropField('t', 'a').dropField('u', 'id').build());
    expect(adapter.reads).toEqual(['readLive t,u', 'preflight']);
  });

  it('upAll in one transaction reads every migration’s collections once', async () => {
    const adapter = new ReadCounting({ transactionalDdl: true });
    const engine = new MigrationEngine(adapter);
    const ms = [0, 1, 2].map((i) => migration(`m${i}`).createCollection(`t${i}`, { id: 'integer' }).build());
    await engine.upAll(ms, { singleTransaction: true });
    expect(adapter.reads).toEqual(['readLive t0,t1,t2']);
    expect((await engine.getHistory()).map((e) => `${e.name}:${e.status}`)).toEqual(['m0:applied', 'm1:applied', 'm2:applied']);
  });
});
