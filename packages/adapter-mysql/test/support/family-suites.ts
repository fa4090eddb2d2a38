import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockTimeoutError, MigrationEngine, MigrationFailedError, migration, type Adapter, type ProgressEvent } from '@ductape/core';
import { lockName, type MysqlLogger } from '../../src/shared.js';
import type { TempDatabase } from './temp-database.js';

/** How a family test makes its adapters and its scratch database. */
export interface FamilyTarget {
  readonly label: string;
  database(): Promise<TempDatabase>;
  adapter(url: string, logger: MysqlLogger | false): Adapter;
}

/**
 * Real-server checks both MySQL-family adapters run: a migration that fails halfway is recorded
 * as failed with its steps applied and resumed by the next up; a refused online algorithm falls
 * back to a logged table copy; a killed or frozen lock holder lets the next runner in.
 */
export function familySuites(target: FamilyTarget): void {
  describe(`${target.label}: behaviour on the real server`, () => {
    let db: TempDatabase;
    const open: Adapter[] = [];
    const lines: string[] = [];
    async function adapter(): Promise<Adapter> {
      const a = target.adapter(db.url, { warn: (m) => lines.push(m) });
      await a.connect();
      open.push(a);
      return a;
    }
    beforeAll(async () => {
      db = await target.database();
    });
    afterAll(async () => {
      for (const a of open) await a.close().catch(() => undefined);
      await db?.drop();
    });

    it('introspect of a name no table can have (an emoji) is "no such table", not a driver collation error', async () => {
      const a = await adapter();
      await expect(a.introspect('rocket 🚀')).resolves.toBeUndefined();
    });

    it('a migration failing at its second of three steps is recorded failed with 1 applied; the next up resumes at step 2', async () => {
      const a = await adapter();
      const events: ProgressEvent[] = [];
      const engine = new MigrationEngine(a, { onProgress: (e) => events.push(e) });
      const m = migration('three_steps')
        .createCollection('orders', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'customer_id', type: 'integer' },
        ])
        .addField('customers', 'vip', { type: 'boolean', default: false })
        .createIndex('orders', 'idx_orders_customer', ['customer_id'])
        .build();
      const error = await engine.up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MigrationFailedError);
      expect(error).toMatchObject({ stepsApplied: 1, stepsTotal: 3 });
      const [row] = await engine.getHistory();
      expect(row).toMatchObject({ name: 'three_steps', status: 'failed', direction: 'up', stepsApplied: 1, stepsTotal: 3, appliedAt: null });
      expect(row?.error).toMatch(/customers/);
      expect(await a.introspect('orders')).toBeDefined();
      expect((await a.introspect('orders'))?.indexes).toEqual([]);

      // Fix the cause, then run the same migration again: it resumes at step 2, step 1 is not re-run.
      await db.query('CREATE TABLE `customers` (`id` INT NOT NULL PRIMARY KEY)');
      const result = await engine.up(m);
      expect(result).toMatchObject({ outcome: 'resumed', stepsApplied: 3, stepsTotal: 3 });
      expect(events.filter((e) => e.type === 'migration:start').map((e) => (e as { resumeFrom: number }).resumeFrom)).toEqual([0, 1]);
      expect((await engine.getHistory())[0]).toMatchObject({ status: 'applied', stepsApplied: 3, error: null });
      expect((await a.introspect('customers'))?.fields.find((f) => f.name === 'vip')).toEqual({ name: 'vip', type: 'boolean', default: false });
      expect((await a.introspect('orders'))?.indexes?.map((i) => i.name)).toEqual(['idx_orders_customer']);
      await engine.down(m);
      expect(await a.introspect('orders')).toBeUndefined();
    });

    it('online by default: INSTANT where the server can, a logged table copy where it cannot', async () => {
      const a = await adapter();
      const engine = new MigrationEngine(a);
      await db.query('CREATE TABLE `items` (`id` INT NOT NULL PRIMARY KEY, `qty` INT NOT NULL DEFAULT 1)');
      await db.query('INSERT INTO `items` VALUES (1, 5), (2, 7)');
      lines.length = 0;
      await engine.up(migration('add_note').addField('items', 'note', { type: 'string', length: 40 }).build());
      expect(lines).toEqual([]); // ADD COLUMN ran with ALGORITHM=INSTANT
      const previous = (await a.introspect('items'))?.fields.find((f) => f.name === 'qty');
      await engine.up(migration('qty_to_string').modifyField('items', 'qty', { type: 'string', length: 10 }, { previous }).build());
      expect(lines.some((l) => /table copy: .*`qty`.*ALGORITHM=COPY/.test(l))).toBe(true);
      const qty = (await a.introspect('items'))?.fields.find((f) => f.name === 'qty');
      expect(qty).toEqual({ name: 'qty', type: 'string', length: 10, required: true, default: '1' });
      expect(await db.query('SELECT `qty` FROM `items` ORDER BY `id`')).toEqual([{ qty: '5' }, { qty: '7' }]);
    });

    it('dropCollection with cascade drops the foreign keys that reference the table first; down restores the table', async () => {
      const a = await adapter();
      const engine = new MigrationEngine(a);
      await engine.up(
        migration('parent_child')
          .createCollection('parent', [{ name: 'id', type: 'integer', primaryKey: true }])
          .createCollection('child', [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'parent_id', type: 'integer' },
          ])
          .addConstraint('child', { name: 'fk_child_parent', type: 'foreignKey', columns: ['parent_id'], references: { table: 'parent', columns: ['id'], onDelete: 'CASCADE' } })
          .build(),
      );
      const previous = await a.introspect('parent');
      const drop = migration('drop_parent').dropCollection('parent', { cascade: true, previous }).build();
      await engine.up(drop);
      expect(await a.introspect('parent')).toBeUndefined();
      expect((await a.introspect('child'))?.constraints).toEqual([]);
      expect((await a.introspect('child'))?.indexes).toEqual([]); // the index MySQL made for the key went with it
      await engine.down(drop);
      expect(await a.introspect('parent')).toEqual(previous);
    });

    it('the lock timeout names the holder; killing the holder lets the next runner proceed', async () => {
      const holder = await adapter();
      const waiter = await adapter();
      const held = await holder.lock.tryAcquire({ id: 'deploy-42', description: 'deploy-42 on build-host pid 4242' }, 30_000);
      expect(held.acquired).toBe(true);
      const m = migration('after_the_kill')
        .createCollection('after_kill', [{ name: 'id', type: 'integer' }])
        .build();
      const timeout = await new MigrationEngine(waiter, { lockTimeoutMs: 300 }).up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(timeout).toBeInstanceOf(LockTimeoutError);
      expect((timeout as Error).message).toContain('deploy-42 on build-host pid 4242');
      // The holder's process is killed: the server ends its connection, and with it the lock.
      const [used] = await db.query('SELECT IS_USED_LOCK(?) AS id', [lockName(db.name)]);
      await db.query(`KILL ${Number(used?.id)}`);
      const result = await new MigrationEngine(waiter, { lockTimeoutMs: 5_000 }).up(m);
      expect(result.outcome).toBe('applied');
      if (held.acquired) expect(await holder.lock.renew(held.handle, 30_000).catch(() => false)).toBe(false);
    });

    it('a frozen holder (alive but not renewing) loses the lock when its lease ends', async () => {
      const frozen = await adapter();
      const next = await adapter();
      const held = await frozen.lock.tryAcquire({ id: 'frozen', description: 'frozen runner' }, 1_000);
      expect(held.acquired).toBe(true);
      expect((await next.lock.tryAcquire({ id: 'next', description: 'next runner' }, 30_000)).acquired).toBe(false);
      const started = Date.now();
      let taken = await next.lock.tryAcquire({ id: 'next', description: 'next runner' }, 30_000);
      while (!taken.acquired && Date.now() - started < 10_000) {
        await sleep(200);
        taken = await next.lock.tryAcquire({ id: 'next', description: 'next runner' }, 30_000);
      }
      expect(taken.acquired).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
      if (taken.acquired) await next.lock.release(taken.handle);
    });
  });
}
