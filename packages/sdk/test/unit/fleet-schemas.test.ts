import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tenantMigrations, legacyTable } from '../support/fleet.js';

// Schema-per-tenant on the embedded PostgreSQL (PGlite): every target is the same database with
// its own schema. PGlite opens a directory once at a time, so these fleets run with concurrency 1.
const ms = [legacyTable(), ...tenantMigrations()];
let dir: string;
let url: string;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const { createAdapter } = await import('@ductape/adapter-postgres');
  const adapter = (await createAdapter({ connection: url, product: 'p', database: 'd', env: 'dev' })) as unknown as {
    connect(): Promise<void>;
    close(): Promise<void>;
    query(sql: string): Promise<Record<string, unknown>[]>;
  };
  await adapter.connect();
  try {
    return await adapter.query(sql);
  } finally {
    await adapter.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ductape-fleet-'));
  url = `pglite://${dir}`;
  await query('CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c; CREATE SCHEMA other_x');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fleet of PostgreSQL schemas (PGlite)', () => {
  it('puts each target’s tables and history in its schema, and discovers schemas by LIKE', async () => {
    const explicit: DuctapeConfig = {
      products: {},
      fleets: {
        tenants: {
          environments: {
            dev: {
              targets: [
                { url, schema: 'tenant_a' },
                { url, schema: 'tenant_b' },
              ],
            },
          },
        },
      },
    };
    const first = await new DatabaseService({ config: explicit, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: ms, concurrency: 1 });
    expect(first).toMatchObject({ targets: 2, done: 2, failed: [] });
    expect(first.rows.map((r) => r.target)).toEqual(['tenant_a', 'tenant_b']);

    const discovered: DuctapeConfig = { products: {}, fleets: { tenants: { environments: { dev: { discover: { schemasLike: 'tenant\\_%', url } } } } } };
    const db = new DatabaseService({ config: discovered, vars: {} });
    const second = await db.fleet('tenants').up({ env: 'dev', migrations: ms, concurrency: 1 });
    expect(second).toMatchObject({ targets: 3, done: 1, upToDate: 2, failed: [] });
    expect(second.rows.map((r) => `${r.target}:${r.state}`)).toEqual(['tenant_a:up-to-date', 'tenant_b:up-to-date', 'tenant_c:applied']);
    expect((await db.fleet('tenants').status({ env: 'dev', migrations: ms, concurrency: 1 })).summary).toBe('3 up to date');

    const tables = await query("SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_name IN ('users', 'legacy', '_ductape_migrations') ORDER BY 1");
    expect(tables.map((r) => r.t)).toEqual(['tenant_a', 'tenant_b', 'tenant_c'].flatMap((s) => [`${s}._ductape_migrations`, `${s}.legacy`, `${s}.users`]));
    const history = await query("SELECT count(*)::int AS n FROM tenant_c._ductape_migrations WHERE status = 'applied'");
    expect(history[0]?.n).toBe(ms.length);
  }, 120_000);

  it('a discovery that matches nothing says to check the pattern', async () => {
    const config: DuctapeConfig = { products: {}, fleets: { tenants: { environments: { dev: { discover: { schemasLike: 'nobody_%', url } } } } } };
    await expect(new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: ms })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('discovered no schema matching "nobody_%"'),
    });
  }, 60_000);
});
