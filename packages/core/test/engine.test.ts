import { describe, expect, it } from 'vitest';
import {
  ChecksumMismatchError,
  DuctapeError,
  IrreversibleMigrationError,
  MigrationEngine,
  MigrationFailedError,
  NotAppliedError,
  UnsupportedOperationError,
  migration,
  type ProgressEvent,
} from '../src/index.js';
import { MemoryAdapter, MemoryDatabase } from '../src/testing.js';
import { steps, users } from './helpers.js';

const tables = (a: MemoryAdapter) => [...a.database.state.collections.keys()].sort();

describe.each([false, true])('MigrationEngine (transactionalDdl: %s)', (transactionalDdl) => {
  it('applies a migration and records it', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    const m = users();
    const r = await engine.up(m);
    expect(r).toMatchObject({ name: 'create_users', outcome: 'applied', stepsApplied: 2, stepsTotal: 2 });
    expect(tables(adapter)).toEqual(['users']);
    const [entry] = await engine.getHistory();
    expect(entry).toMatchObject({ name: 'create_users', tag: m.tag, status: 'applied', stepsApplied: 2, stepsTotal: 2, error: null });
    expect(entry?.appliedAt).toBeInstanceOf(Date);
    expect(entry?.migration).toEqual(m);
  });

  it('skips a migration already applied with the same checksum', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    await engine.up(users());
    const executed = adapter.executed.length;
    const again = await engine.up(users());
    expect(again.outcome).toBe('skipped');
    expect(adapter.executed.length).toBe(executed);
  });

  it('stops on a checksum mismatch before any step', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    await engine.up(users());
    const edited = migration('create_users').createCollection('users', { id: 'uuid', extra: 'text' }).build();
    const executed = adapter.executed.length;
    await expect(engine.up(edited)).rejects.toBeInstanceOf(ChecksumMismatchError);
    await expect(engine.up(edited)).rejects.toMatchObject({ code: 'DUCTAPE_CHECKSUM_MISMATCH' });
    expect(adapter.executed.length).toBe(executed);
  });

  it('refuses an unsupported operation before any IO', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl, capabilities: { renameField: false } });
    const engine = new MigrationEngine(adapter);
    const m = migration('rename').renameField('users', 'name', 'full_name').build();
    await expect(engine.up(m)).rejects.toBeInstanceOf(UnsupportedOperationError);
    const raw = migration('raw_pg').raw('postgresql', 'SELECT 1', { down: 'SELECT 2' }).build();
    await expect(engine.up(raw)).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(adapter.database.ioCount).toBe(0);
  });

  it('rolls back to a tag, newest first, from history alone', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    const ms = ['a', 'b', 'c'].map((n, i) =>
      migration(`m_${n}`)
        .at(new Date(Date.UTC(2024, 0, i + 1)))
        .createCollection(n, { id: 'uuid' })
        .build(),
    );
    await engine.upAll(ms);
    const rolled = await engine.rollbackTo(ms[0]!.tag);
    expect(rolled.map((r) => r.name)).toEqual(['m_c', 'm_b']);
    expect(tables(adapter)).toEqual(['a']);
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['m_a']);
  });

  it('supports the spec loop: down(history[i].migration)', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    await engine.upAll([steps('one', 1), steps('two', 2)]);
    const history = await engine.getHistory();
    const targetIndex = history.findIndex((h) => h.tag === history[0]!.tag);
    for (let i = history.length - 1; i > targetIndex; i--) await engine.down(history[i]!.migration);
    expect(tables(adapter)).toEqual(['one_t1']);
  });

  it('refuses down of a migration that is not applied, before any IO to steps', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    await expect(engine.down(users())).rejects.toBeInstanceOf(NotAppliedError);
    expect(adapter.executed).toHaveLength(0);
  });

  it('refuses down of an irreversible migration before any IO', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    const m = migration('irrev').raw('memory', { set: 'k', value: 1 }).build();
    expect(m.irreversible).toContain('no down');
    await engine.up(m);
    const io = adapter.database.ioCount;
    await expect(engine.down(m)).rejects.toBeInstanceOf(IrreversibleMigrationError);
    expect(adapter.database.ioCount).toBe(io);
  });

  it('emits progress events per step and per migration', async () => {
    const events: ProgressEvent[] = [];
    const engine = new MigrationEngine(new MemoryAdapter({ transactionalDdl }), { onProgress: (e) => events.push(e) });
    await engine.up(steps('p', 2));
    expect(events.map((e) => e.type)).toEqual(['migration:start', 'step:start', 'step:done', 'step:start', 'step:done', 'migration:done']);
  });

  it('reports status with pending, completed, failed and mismatched', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl });
    const engine = new MigrationEngine(adapter);
    const [a, b, c] = [steps('a', 1), steps('b', 1), steps('c', 1)];
    await engine.up(a);
    adapter.failAtStep(1);
    await expect(engine.up(b)).rejects.toBeInstanceOf(MigrationFailedError);
    const status = await engine.getStatus({ definedMigrations: [a, b, c] });
    expect(status).toMatchObject({ total: 3, completed: 1, pending: 1, failed: 1, mismatched: 0 });
    expect(status.pendingMigrations.map((m) => m.name)).toEqual(['c']);
    expect(status.lastApplied?.name).toBe('a');
    const changedA = migration('a').createCollection('other', { id: 'uuid' }).build();
    expect((await engine.getStatus({ definedMigrations: [changedA] })).mismatched).toBe(1);
  });
});

describe('MigrationEngine failures', () => {
  it('non-transactional: failure at step k of n leaves k-1 applied and recorded; next up resumes at k', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: false });
    const engine = new MigrationEngine(adapter);
    const m = steps('five', 5);
    adapter.failAtStep(3);
    const error = await engine.up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error).toMatchObject({ stepsApplied: 2, stepsTotal: 5, code: 'DUCTAPE_MIGRATION_FAILED' });
    const [row] = await engine.getHistory();
    expect(row).toMatchObject({ status: 'failed', stepsApplied: 2, stepsTotal: 5 });
    expect(row?.error).toContain('injected failure');
    expect(tables(adapter)).toEqual(['five_t1', 'five_t2']);
    const before = adapter.executed.length;
    const resumed = await engine.up(m);
    expect(resumed.outcome).toBe('resumed');
    expect(adapter.executed.slice(before).map((s) => (s.kind === 'command' ? (s.args.op as { name: string }).name : ''))).toEqual(['five_t3', 'five_t4', 'five_t5']);
    expect((await engine.getHistory())[0]).toMatchObject({ status: 'applied', stepsApplied: 5 });
  });

  it('transactional: failure rolls the whole migration back and records it failed with 0 applied', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: true });
    const engine = new MigrationEngine(adapter);
    adapter.failAtStep(3);
    // The message names the step that failed (3), not the first one left unapplied (1).
    await expect(engine.up(steps('tx', 4))).rejects.toMatchObject({ stepsApplied: 0, rolledBack: true, message: expect.stringContaining('failed (up) at step 3 of 4') });
    expect(tables(adapter)).toEqual([]);
    expect((await engine.getHistory())[0]).toMatchObject({ status: 'failed', stepsApplied: 0 });
    expect((await engine.up(steps('tx', 4))).outcome).toBe('applied');
    expect(tables(adapter)).toHaveLength(4);
  });

  it('compensates: runs the inverses of the applied steps in reverse, then applies from the start', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: false });
    const engine = new MigrationEngine(adapter);
    const m = steps('comp', 4);
    adapter.failAtStep(3);
    await expect(engine.up(m)).rejects.toBeInstanceOf(MigrationFailedError);
    const before = adapter.executed.length;
    const r = await engine.compensate(m);
    expect(r).toMatchObject({ outcome: 'compensated', stepsApplied: 2 });
    expect(adapter.executed.slice(before).map((s) => s.kind === 'command' && [s.name, (s.args.op as { name: string }).name])).toEqual([
      ['dropCollection', 'comp_t2'],
      ['dropCollection', 'comp_t1'],
    ]);
    expect(tables(adapter)).toEqual([]);
    expect(await engine.getHistory()).toEqual([]);
    adapter.failAtStep(2);
    await expect(engine.up(m)).rejects.toBeInstanceOf(MigrationFailedError);
    expect((await engine.up(m, { recover: 'compensate' })).outcome).toBe('applied');
    expect(tables(adapter)).toHaveLength(4);
  });

  it('never re-runs a partly applied migration from the start when it changed; says how to recover', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    adapter.failAtStep(2);
    await expect(engine.up(steps('chg', 3))).rejects.toBeInstanceOf(MigrationFailedError);
    const changed = migration('chg').createCollection('chg_t1', { id: 'uuid' }).createCollection('other', { id: 'uuid' }).build();
    await expect(engine.up(changed)).rejects.toMatchObject({ code: 'DUCTAPE_FAILED_MIGRATION_PENDING' });
    expect((await engine.up(changed, { recover: 'compensate' })).outcome).toBe('applied');
    expect(tables(adapter)).toEqual(['chg_t1', 'other']);
  });

  it('a failed down is resumed by the next down', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    const m = steps('dn', 3);
    await engine.up(m);
    adapter.failAtStep(2);
    await expect(engine.down(m)).rejects.toMatchObject({ direction: 'down', stepsApplied: 1 });
    await expect(engine.up(m)).rejects.toMatchObject({ code: 'DUCTAPE_FAILED_MIGRATION_PENDING' });
    expect((await engine.down(m)).outcome).toBe('rolled_back');
    expect(tables(adapter)).toEqual([]);
    expect(await engine.getHistory()).toEqual([]);
  });

  it('upAll with singleTransaction is all or nothing', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: true });
    const engine = new MigrationEngine(adapter);
    adapter.failAtStep(3);
    await expect(engine.upAll([steps('x', 1), steps('y', 1), steps('z', 1)], { singleTransaction: true })).rejects.toMatchObject({ migrationName: 'z' });
    expect(tables(adapter)).toEqual([]);
    const results = await engine.upAll([steps('x', 1), steps('y', 1), steps('z', 1)], { singleTransaction: true });
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect((await engine.getHistory()).map((e) => e.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('a run interrupted mid-way (row left "running") resumes', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    const m = steps('crash', 3);
    adapter.failAtStep(2);
    await expect(engine.up(m)).rejects.toBeInstanceOf(MigrationFailedError);
    // Simulate a process killed after step 1: the row still says running.
    const row = adapter.database.state.history[0]!;
    adapter.database.state.history[0] = { ...row, status: 'running', stepsApplied: 1 };
    expect((await engine.up(m)).outcome).toBe('resumed');
  });
});

describe('MigrationEngine lock', () => {
  it('serialises two engines racing on one database: each migration applied exactly once', async () => {
    const database = new MemoryDatabase();
    const a = new MemoryAdapter({ database });
    const b = new MemoryAdapter({ database });
    const list = Array.from({ length: 10 }, (_, i) => steps(`race${i}`, 2));
    const [ra, rb] = await Promise.all([new MigrationEngine(a).upAll(list), new MigrationEngine(b).upAll(list)]);
    const applied = [...ra, ...rb]
      .filter((r) => r.outcome === 'applied')
      .map((r) => r.name)
      .sort();
    expect(applied).toEqual(list.map((m) => m.name).sort());
    expect(a.executed.length + b.executed.length).toBe(20);
    expect(database.state.history).toHaveLength(10);
  });

  it('times out naming the holder while a live holder keeps its lease', async () => {
    const database = new MemoryDatabase();
    const holder = await new MemoryAdapter({ database }).lock.tryAcquire({ id: 'h', description: 'ci-runner-7 pid 99' }, 60_000);
    expect(holder.acquired).toBe(true);
    const engine = new MigrationEngine(new MemoryAdapter({ database }), { lockTimeoutMs: 150 });
    const error = await engine.up(steps('locked', 1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DUCTAPE_LOCK_TIMEOUT' });
    expect((error as DuctapeError).message).toContain('ci-runner-7 pid 99');
    expect(database.state.collections.size).toBe(0);
  });

  it('lets a second runner take over once a dead holder’s lease expires', async () => {
    const database = new MemoryDatabase();
    // A runner that died: it took the lock with a short lease and never renews it.
    await new MemoryAdapter({ database }).lock.tryAcquire({ id: 'dead', description: 'dead runner' }, 200);
    const engine = new MigrationEngine(new MemoryAdapter({ database }), { lockTimeoutMs: 5_000 });
    const r = await engine.up(steps('after', 1));
    expect(r.outcome).toBe('applied');
    expect(database.lock).toBeUndefined();
  });

  it('stops before the next step when the lease was lost', async () => {
    const database = new MemoryDatabase();
    const adapter = new MemoryAdapter({ database });
    let stolen = false;
    const engine = new MigrationEngine(adapter, {
      onProgress: (e) => {
        if (e.type === 'step:done' && !stolen) {
          stolen = true;
          // Another runner takes over (as if our lease had expired).
          database.lock = { ownerId: 'thief', description: 'thief', expiresAt: Date.now() + 60_000, token: 999 };
          // Stall past our lease so no renewal can land in time (a long GC pause, a frozen VM).
          const until = Date.now() + 100;
          while (Date.now() < until);
        }
      },
      leaseMs: 60,
    });
    const list = [steps('l1', 1), steps('l2', 1), steps('l3', 1)];
    const error = await engine.upAll(list).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).cause).toMatchObject({ code: 'DUCTAPE_LOCK_LOST' });
    expect(adapter.executed.length).toBeLessThan(3);
  });
});

describe('optional lock inspection', () => {
  it('memory lock store says who holds the lock and can be force-released', async () => {
    const database = new MemoryDatabase();
    const adapter = new MemoryAdapter({ database });
    expect(await adapter.lock.holder()).toBeUndefined();
    await adapter.lock.tryAcquire({ id: 'x', description: 'stuck runner pid 7' }, 60_000);
    expect(await adapter.lock.holder()).toBe('stuck runner pid 7');
    await adapter.lock.forceRelease();
    expect(await adapter.lock.holder()).toBeUndefined();
    expect((await new MigrationEngine(adapter, { lockTimeoutMs: 100 }).up(steps('after_unlock', 1))).outcome).toBe('applied');
  });
});

describe('steps that cannot run in a transaction', () => {
  // Like PostgreSQL's CREATE/DROP INDEX CONCURRENTLY: such a step must never arrive inside a transaction.
  class ConcurrentIndexAdapter extends MemoryAdapter {
    inTransaction = false;
    override compile(op: Parameters<MemoryAdapter['compile']>[0], ctx: Parameters<MemoryAdapter['compile']>[1]) {
      return super.compile(op, ctx).map((s) => (s.kind === 'command' && /Index$/.test(s.name) ? { ...s, outsideTransaction: true } : s));
    }
    override withSession<T>(mode: 'transaction' | 'autocommit', fn: Parameters<MemoryAdapter['withSession']>[1]): Promise<T> {
      return super.withSession(mode, async (session) => {
        this.inTransaction = session.transactional;
        try {
          return (await fn(session)) as T;
        } finally {
          this.inTransaction = false;
        }
      });
    }
    override async execute(step: Parameters<MemoryAdapter['execute']>[0], session: Parameters<MemoryAdapter['execute']>[1]) {
      if (step.outsideTransaction && this.inTransaction) throw new Error(`${step.summary} ran inside a transaction`);
      return super.execute(step, session);
    }
  }

  it('up, down and compensation run them outside any transaction', async () => {
    const adapter = new ConcurrentIndexAdapter({ transactionalDdl: true });
    const engine = new MigrationEngine(adapter);
    const m = migration('idx').createCollection('t', { id: 'uuid', a: 'text' }).createIndex('t', 'ix_a', ['a']).createCollection('u', { id: 'uuid' }).build();
    await engine.up(m);
    await engine.down(m);
    adapter.failAtStep(3);
    await expect(engine.up(m)).rejects.toBeInstanceOf(MigrationFailedError);
    expect((await engine.getHistory())[0]).toMatchObject({ status: 'failed', stepsApplied: 2 });
    expect((await engine.compensate(m)).outcome).toBe('compensated');
    expect(tables(adapter)).toEqual([]);
  });
});
