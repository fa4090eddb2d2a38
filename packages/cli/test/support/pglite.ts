import { createAdapter } from '@ductape/adapter-postgres';
import type { CollectionSnapshot } from '@ductape/sdk';

type Queryable = { query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> };

/**
 * Opens the embedded database in `dir` in this process (the CLI must not be running on it),
 * runs `fn` with the adapter, and closes it.
 */
export async function withPglite<T>(dir: string, fn: (adapter: Awaited<ReturnType<typeof createAdapter>> & Queryable) => Promise<T>): Promise<T> {
  const adapter = (await createAdapter({ connection: `pglite://${dir}`, product: 'test', database: 'test', env: 'test' })) as Awaited<ReturnType<typeof createAdapter>> & Queryable;
  await adapter.connect();
  try {
    return await fn(adapter);
  } finally {
    await adapter.close();
  }
}

/** Introspection of several tables, for comparing two databases. */
export async function snapshots(dir: string, tables: readonly string[]): Promise<(CollectionSnapshot | undefined)[]> {
  return withPglite(dir, (a) => Promise.all(tables.map((t) => a.introspect(t))));
}
