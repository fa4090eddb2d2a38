import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, TempProject } from '../support/cli.js';
import { configFor, serverDatabase, serverSnapshots } from '../support/pg-server.js';
import { SHOP_SCHEMA } from '../support/shop-schema.js';

const server = requireServer('postgres');

const T1 = '20241201_000000_create_shop';
const T2 = '20241202_000000_add_stock';
const T3 = '20241203_000000_add_note';
const TABLES = ['products', 'orders'];

describe.skipIf(!server)('promote between two databases of the PostgreSQL server', () => {
  const dev = serverDatabase(server ?? 'postgres://x@localhost/x', 'promote_dev');
  const staging = serverDatabase(server ?? 'postgres://x@localhost/x', 'promote_stg');
  const p = new TempProject('promote-pg');
  const outputs: RunResult[] = [];
  const run = async (args: string[]) => {
    const r = await p.run(args, { CLI_TEST_DEV_URL: dev.url, CLI_TEST_STAGING_URL: staging.url });
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    await Promise.all([dev.create(), staging.create()]);
    p.write('ductape.config.json', configFor({ dev: '${env:CLI_TEST_DEV_URL}', staging: '${env:CLI_TEST_STAGING_URL}' }));
    p.migration(T1, SHOP_SCHEMA);
    p.migration(T2, ".addField('products', 'stock', { type: 'integer', default: 0, required: true })\n  .createIndex('products', 'idx_products_name', ['name'], { unique: true })");
  });

  afterAll(async () => {
    if (server) await Promise.all([dev.drop(), staging.drop()]);
  });

  it("replays dev's history on staging in order and reproduces the schema exactly (introspection)", async () => {
    expect((await run(['up', '--env', 'dev'])).code).toBe(0);
    expect((await serverSnapshots(staging.url, TABLES)).every((s) => s === undefined)).toBe(true);
    const r = await run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, command: 'promote', exitCode: 0, from: 'dev', to: 'staging', product: 'shop', database: 'main', promoted: 2, onlyInTarget: [] });
    expect(r.json<{ results: { tag: string; outcome: string }[] }>().results.map((x) => [x.tag, x.outcome])).toEqual([
      [T1, 'applied'],
      [T2, 'applied'],
    ]);
    const onDev = await serverSnapshots(dev.url, TABLES);
    // What is compared: columns, indexes and constraints (so an empty snapshot cannot pass).
    expect(onDev[0]?.fields.map((f) => f.name)).toEqual(['id', 'name', 'price', 'kind', 'stock']);
    expect(onDev[0]?.indexes?.map((i) => i.name)).toContain('idx_products_name');
    expect(onDev[1]?.indexes?.map((i) => i.name)).toContain('idx_orders_product');
    expect(onDev[1]?.constraints?.map((c) => c.name)).toContain('fk_orders_product');
    expect(await serverSnapshots(staging.url, TABLES)).toEqual(onDev);
    const again = await run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ promoted: 0, results: [] });
    const sums = async (env: string) => (await run(['history', '--env', env, '--json'])).json<{ history: { checksum: string }[] }>().history.map((h) => h.checksum);
    expect(await sums('staging')).toEqual(await sums('dev'));
    expect((await run(['status', '--env', 'staging', '--json'])).json()).toMatchObject({ upToDate: true, applied: 2 });
  });

  it('refuses on a checksum mismatch (exit 1) before changing anything on staging', async () => {
    // staging got its own version of T3 first; dev ran another.
    p.migration(T3, ".addField('orders', 'note', { type: 'text' })");
    expect((await run(['up', '--env', 'staging'])).code).toBe(0);
    p.migration(T3, ".addField('orders', 'note', { type: 'string', length: 10 })");
    expect((await run(['up', '--env', 'dev'])).code).toBe(0);
    const before = await serverSnapshots(staging.url, TABLES);
    const r = await run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, command: 'promote', exitCode: 1, error: { code: 'DUCTAPE_CHECKSUM_MISMATCH' } });
    expect(await serverSnapshots(staging.url, TABLES)).toEqual(before);
    // A migration file that differs from what ran on dev is refused too, and named.
    p.migration(T2, ".addField('products', 'stock', { type: 'bigint' })");
    const file = await run(['promote', '--from', 'dev', '--to', 'staging']);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('add_stock');
    expect(await serverSnapshots(staging.url, TABLES)).toEqual(before);
  });

  it('a missing flag is a usage error (exit 2), and no password of either URL was printed', async () => {
    const r = await run(['promote', '--to', 'staging', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, exitCode: 2, error: { code: 'DUCTAPE_USAGE' } });
    for (const o of outputs) {
      expect(o.stdout + o.stderr).not.toContain(dev.password);
      expect(o.stdout + o.stderr).not.toContain(staging.password);
    }
  });
});
