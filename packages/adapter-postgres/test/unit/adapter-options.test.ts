import { describe, expect, it } from 'vitest';
import { DuctapeError, InvalidArgumentError } from '@ductape/core';
import { PostgresAdapter, PostgresConnectionError } from '../../src/index.js';

describe('PostgresAdapter options and connection errors', () => {
  it('a failed connection names host and database, never the password or the URL', async () => {
    const adapter = new PostgresAdapter({ url: 'postgres://app:s3cret-pw@127.0.0.1:1/appdb' });
    const error = await adapter.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostgresConnectionError);
    expect(error).toBeInstanceOf(DuctapeError);
    expect((error as DuctapeError).code).toBe('DUCTAPE_CONNECTION');
    const text = `${(error as Error).message} ${(error as DuctapeError).hint}`;
    expect(text).toContain('127.0.0.1:1/appdb');
    expect(text).not.toContain('s3cret-pw');
    expect(text).not.toContain('postgres://');
  });

  it('refuses ambiguous or invalid options', () => {
    expect(() => new PostgresAdapter({})).toThrow(InvalidArgumentError);
    expect(() => new PostgresAdapter({ url: 'postgres://x@h/db', pglite: {} })).toThrow(InvalidArgumentError);
    expect(() => new PostgresAdapter({ url: 'postgres://x@h/db', schema: 'x'.repeat(64) })).toThrow(/63/);
    expect(() => new PostgresAdapter({ url: 'postgres://x@h/db', lockTimeoutMs: 0 })).toThrow(InvalidArgumentError);
  });

  it('declares its capabilities per driver', () => {
    const server = new PostgresAdapter({ url: 'postgres://x@h/db' });
    const embedded = new PostgresAdapter({ pglite: {} });
    expect(server.capabilities).toMatchObject({ transactionalDdl: true, concurrentIndex: true, rawDialects: ['postgresql'] });
    expect(embedded.capabilities).toMatchObject({ transactionalDdl: true, concurrentIndex: false });
  });
});
