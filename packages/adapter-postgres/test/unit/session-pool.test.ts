import { InvalidArgumentError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { PgSessionPool, createAdapter, createConnectionPool } from '../../src/index.js';

// The pool hook without a server: its size is checked when made, and PGlite ignores it.
// Borrowing, reuse and reset are server tests (packages/sdk/test/server/fleet-connections.test.ts).
describe('createConnectionPool', () => {
  it('refuses a size that is not a whole number ≥ 1, before any IO', () => {
    for (const max of [0, -1, 1.5, Number.NaN, '4', undefined]) expect(() => createConnectionPool({ max } as unknown as { max: number })).toThrow(InvalidArgumentError);
    const pool = createConnectionPool({ max: 2 });
    expect(pool).toBeInstanceOf(PgSessionPool);
    expect(pool.open).toBe(0);
  });

  it('an embedded PGlite adapter ignores the pool', async () => {
    const pool = createConnectionPool({ max: 1 });
    const adapter = (await createAdapter({ connection: 'pglite://memory', product: 'p', database: 'd', env: 'dev', pool })) as unknown as { driver: { kind: string } };
    expect(adapter.driver.kind).toBe('pglite');
    expect(pool.open).toBe(0);
    await pool.close();
  });
});
