import { afterAll, beforeAll } from 'vitest';
import { MigrationEngine } from '@ductape/core';
import { requireServer } from '@ductape/services/require-server';
import { CassandraAdapter, type CassandraAdapterOptions } from '../../src/index.js';

/** The test server's hosts, or undefined (with a message) when it is not running outside CI. */
export const hosts = requireServer('cassandra');

/**
 * A keyspace name unique to this test run (one per test file keeps schema changes few).
 * @example testKeyspace('resume') // 'dt_resume_lx3k9a'
 */
export function testKeyspace(label: string): string {
  return `dt_${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** Adapter options for the test server in `keyspace`. */
export function serverOptions(keyspace: string): CassandraAdapterOptions {
  return {
    contactPoints: (hosts ?? '').split(','),
    localDataCenter: process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1',
    keyspace,
  };
}

/** A connected adapter on the test server. */
export async function connectedAdapter(keyspace: string): Promise<CassandraAdapter> {
  const adapter = new CassandraAdapter(serverOptions(keyspace));
  await adapter.connect();
  return adapter;
}

/** Drops the test keyspace (and everything in it). */
export async function dropKeyspace(adapter: CassandraAdapter): Promise<void> {
  await adapter.driver.execute(`DROP KEYSPACE IF EXISTS "${adapter.keyspace}"`, [], true);
}

/**
 * Registers beforeAll/afterAll that connect an adapter (and an engine) in a fresh keyspace and
 * drop it afterwards; returns a getter for them. Call inside a describe.
 * @example const ctx = useServerAdapter('spec'); it('…', () => ctx().engine.up(m));
 */
export function useServerAdapter(label: string): () => { adapter: CassandraAdapter; engine: MigrationEngine; keyspace: string } {
  const keyspace = testKeyspace(label);
  let adapter: CassandraAdapter | undefined;
  let engine: MigrationEngine | undefined;
  beforeAll(async () => {
    adapter = await connectedAdapter(keyspace);
    engine = new MigrationEngine(adapter, { lockTimeoutMs: 30_000 });
  });
  afterAll(async () => {
    if (!adapter) return;
    await dropKeyspace(adapter).catch(() => undefined);
    await adapter.close();
  });
  return () => {
    if (!adapter || !engine) throw new Error('the test adapter is not connected (beforeAll failed?)');
    return { adapter, engine, keyspace };
  };
}
