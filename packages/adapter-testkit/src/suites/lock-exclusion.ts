import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DuctapeError, ErrorCodes, LockTimeoutError, type LockOwner, type LockStore } from '@ductape/core';

/** Parts of LockStore newer cores declare as optional (holder, forceRelease). */
interface OptionalLockParts {
  holder?(): Promise<string | undefined>;
  forceRelease?(): Promise<void>;
}
import { build, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

const owner = (label: string): LockOwner => ({ id: `${label}-${Math.random().toString(36).slice(2)}`, description: `conformance ${label}` });

/** One lock per database: a second adapter waits; a dead holder never blocks for good. */
export function lockExclusion(kit: KitContext): void {
  describe('lock', () => {
    it('excludes a second adapter and names the holder; release lets it in', async () => {
      const a = await kit.open();
      const b = await kit.open();
      const first = await a.lock.tryAcquire(owner('A'), 30_000);
      expect(first.acquired).toBe(true);
      if (!first.acquired) return;
      const second = await b.lock.tryAcquire(owner('B'), 30_000);
      expect(second.acquired).toBe(false);
      if (!second.acquired) expect(second.heldBy ?? '').toContain('conformance A');
      expect(await a.lock.renew(first.handle, 30_000)).toBe(true);
      await a.lock.release(first.handle);
      const third = await b.lock.tryAcquire(owner('B'), 30_000);
      expect(third.acquired).toBe(true);
      if (third.acquired) await b.lock.release(third.handle);
    });

    it('an engine waiting on a held lock times out with LockTimeoutError', async () => {
      const a = await kit.open();
      const b = await kit.open();
      const held = await a.lock.tryAcquire(owner('A'), 30_000);
      expect(held.acquired).toBe(true);
      const m = build('lock_wait', { type: 'createCollection', name: unique('lw'), fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
      await expect(kit.engine({ lockTimeoutMs: 300 }, b).up(m)).rejects.toBeInstanceOf(LockTimeoutError);
      if (held.acquired) await a.lock.release(held.handle);
      await kit.engine({}, b).up(m);
    });

    it('holder() and forceRelease(), when implemented (ductape unlock)', async (ctx) => {
      const a = await kit.open();
      const b = await kit.open();
      const lockB = b.lock as LockStore & OptionalLockParts;
      if (typeof lockB.holder !== 'function' || typeof lockB.forceRelease !== 'function') return ctx.skip();
      expect(await lockB.holder()).toBeUndefined();
      const held = await a.lock.tryAcquire(owner('A'), 30_000);
      expect(held.acquired).toBe(true);
      expect(await lockB.holder()).toContain('conformance A');
      await lockB.forceRelease();
      let taken = await b.lock.tryAcquire(owner('B'), 30_000);
      for (let i = 0; i < 40 && !taken.acquired; i++) {
        await sleep(25);
        taken = await b.lock.tryAcquire(owner('B'), 30_000);
      }
      expect(taken.acquired).toBe(true);
      if (held.acquired) expect(await a.lock.renew(held.handle, 30_000).catch(() => false)).toBe(false);
      if (taken.acquired) await b.lock.release(taken.handle);
    });

    it('takes over after the holder dies', async () => {
      const a = await kit.open();
      const b = await kit.open();
      // Long enough that B's first try lands inside A's lease on a loaded machine (Cassandra's
      // lightweight transactions took over 300 ms in a CI run on 2 cores, and B got the lock).
      const lease = kit.target.lockRelease === 'lease' ? 1_500 : 30_000;
      const held = await a.lock.tryAcquire(owner('A'), lease);
      expect(held.acquired).toBe(true);
      expect((await b.lock.tryAcquire(owner('B'), lease)).acquired).toBe(false);
      if (kit.target.lockRelease === 'session') {
        if (!kit.target.crash)
          throw new DuctapeError(
            ErrorCodes.invalidArgument,
            'a target with session locks must give crash(adapter)',
            "add crash(adapter) to the conformance target: it ends the adapter's lock session as a killed process would",
          );
        await kit.target.crash(a);
      } else await sleep(lease + 200);
      const started = Date.now();
      let taken = await b.lock.tryAcquire(owner('B'), 30_000);
      while (!taken.acquired && Date.now() - started < 5000) {
        await sleep(25);
        taken = await b.lock.tryAcquire(owner('B'), 30_000);
      }
      expect(taken.acquired).toBe(true);
      if (!taken.acquired) return;
      if (held.acquired) {
        expect(taken.handle.token).toBeGreaterThan(held.handle.token);
        expect(await a.lock.renew(held.handle, lease).catch(() => false)).toBe(false);
      }
      await b.lock.release(taken.handle);
    });
  });
}
