import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, LendingPool, connectionPoolMax } from '../src/index.js';

interface Fake {
  readonly key: string;
  readonly id: number;
  broken: boolean;
  closed: boolean;
  resets: number;
}

function fakes(resetOk = true) {
  let next = 0;
  const made: Fake[] = [];
  const pool = new LendingPool<Fake>(2, {
    keyOf: (s) => s.key,
    usable: (s) => !s.broken && !s.closed,
    reset: async (s) => {
      s.resets++;
      return resetOk;
    },
    close: async (s) => {
      s.closed = true;
    },
  });
  const open = (key: string) => async () => {
    const f: Fake = { key, id: ++next, broken: false, closed: false, resets: 0 };
    made.push(f);
    return f;
  };
  const closedError = () => new Error('closed');
  return { pool, made, get: (key: string) => pool.acquire(key, open(key), closedError) };
}

describe('LendingPool (the bounded, resetting pool of the PostgreSQL and MySQL fleets)', () => {
  it('reuses an idle slot of the same key after a reset, and never opens more than max', async () => {
    const { pool, made, get } = fakes();
    const a = await get('db1');
    expect(a.reused).toBe(false);
    await pool.release(a.slot);
    expect(a.slot.resets).toBe(1);
    const again = await get('db1');
    expect(again).toEqual({ slot: a.slot, reused: true });
    const b = await get('db2');
    expect(pool.open).toBe(2);
    // Full: a third borrower waits until one is given back; a slot of another key is closed to make room.
    let third: { slot: Fake } | undefined;
    const waiting = get('db3').then((r) => {
      third = r;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(third).toBeUndefined();
    await pool.release(b.slot);
    await waiting;
    expect(b.slot.closed).toBe(true);
    expect(third?.slot.key).toBe('db3');
    expect(made).toHaveLength(3);
    expect(pool.open).toBe(2);
  });

  it('closes a slot that broke, was discarded or could not be reset, instead of lending it again', async () => {
    const { pool, get } = fakes(false);
    const a = await get('db1');
    await pool.release(a.slot);
    expect(a.slot.closed).toBe(true); // reset said no
    const { pool: p2, get: get2 } = fakes();
    const b = await get2('db1');
    await p2.release(b.slot, true);
    expect(b.slot.closed).toBe(true);
    const c = await get2('db1');
    await p2.release(c.slot);
    c.slot.broken = true;
    p2.forget(c.slot);
    const d = await get2('db1');
    expect(d.reused).toBe(false);
    expect(pool.open + p2.open).toBe(1);
  });

  it('refuses borrowers once closed, closing idle slots and each lent one as it comes back', async () => {
    const { pool, get } = fakes();
    const a = await get('db1');
    const b = await get('db2');
    await pool.release(a.slot);
    await pool.close();
    expect(a.slot.closed).toBe(true);
    await expect(get('db1')).rejects.toThrow('closed');
    await pool.release(b.slot);
    expect(b.slot.closed).toBe(true);
    expect(pool.open).toBe(0);
  });

  it('checks max', () => {
    expect(() => connectionPoolMax({ max: 0 })).toThrow(InvalidArgumentError);
    expect(() => connectionPoolMax(undefined, 'clients')).toThrow(/a whole number of clients ≥ 1/);
    expect(connectionPoolMax({ max: 3 })).toBe(3);
  });
});
