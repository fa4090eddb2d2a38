import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { snapshots, withPglite } from '../support/pglite.js';
import { SHOP_SCHEMA } from '../support/shop-schema.js';

const T1 = '20240401_000000_create_shop';
const T2 = '20240402_000000_add_stock';
const T3 = '20240403_000000_add_note';
const TABLES = ['products', 'orders'];

describe('promote between two PGlite databases (ductape.config.json with dev and staging)', () => {
  const p = new TempProject('promote');
  const dev = join(p.dir, 'db', 'dev');
  const staging = join(p.dir, 'db', 'staging');
  p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: `pglite://${dev}`, staging: `pglite://${staging}` } } } } } }));
  p.migration(T1, SHOP_SCHEMA);
  p.migration(T2, ".addField('products', 'stock', { type: 'integer', default: 0, required: true })");

  it('replays dev’s history on staging in order and reproduces the schema exactly', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    const r = await p.run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ from: 'dev', to: 'staging', product: 'shop', database: 'main', promoted: 2 });
    expect(r.json<{ results: { tag: string }[] }>().results.map((x) => x.tag)).toEqual([T1, T2]);
    expect(await snapshots(staging, TABLES)).toEqual(await snapshots(dev, TABLES));
    const again = await p.run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(again.json()).toMatchObject({ promoted: 0 });
    const dh = (await p.run(['history', '--json'])).json<{ history: { checksum: string }[] }>().history.map((h) => h.checksum);
    const sh = (await p.run(['history', '--env', 'staging', '--json'])).json<{ history: { checksum: string }[] }>().history.map((h) => h.checksum);
    expect(sh).toEqual(dh);
  });

  it('refuses on a checksum mismatch before changing anything', async () => {
    // staging got its own version of T3 first; dev has another.
    p.migration(T3, ".addField('orders', 'note', { type: 'text' })");
    expect((await p.run(['up', '--env', 'staging'])).code).toBe(0);
    p.migration(T3, ".addField('orders', 'note', { type: 'string', length: 10 })");
    expect((await p.run(['up', '--env', 'dev'])).code).toBe(0);
    const before = await snapshots(staging, TABLES);
    const r = await p.run(['promote', '--from', 'dev', '--to', 'staging', '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_CHECKSUM_MISMATCH' } });
    expect(await snapshots(staging, TABLES)).toEqual(before);
    // A migration file that differs from what ran on dev is refused too.
    p.migration(T2, ".addField('products', 'stock', { type: 'bigint' })");
    const file = await p.run(['promote', '--from', 'dev', '--to', 'staging']);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('add_stock');
  });

  it('a usage error names the flag (exit 2)', async () => {
    const r = await p.run(['promote', '--from', 'dev', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, exitCode: 2, error: { code: 'DUCTAPE_USAGE' } });
  });
});

describe('secrets in connection URLs are never printed', () => {
  const p = new TempProject('secrets');
  const SECRET = 's3cretPa55word';
  p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { prd: `postgres://app:${SECRET}@127.0.0.1:1/shop?connect_timeout=2` } } } } } }));
  p.migration(T1, ".createCollection('t', { id: 'integer' })");

  it('not in errors, human or --json, from the config file or an environment variable', async () => {
    const runs = await Promise.all([
      p.run(['status', '--env', 'prd']),
      p.run(['up', '--env', 'prd', '--json']),
      p.run(['unlock', '--env', 'prd', '--yes']),
      p.run(['status', '--env', 'qa', '--json'], { DUCTAPE_SHOP_MAIN_QA_URL: `postgresql://app:${SECRET}@127.0.0.1:1/qa` }),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    expect(runs[0]?.stderr).toContain('error');
    expect(runs[1]?.json()).toMatchObject({ ok: false, command: 'up', exitCode: 1 });
  });

  it('plan works offline for a server target, and names no secret', async () => {
    const r = await p.run(['plan', '--env', 'prd']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "public"."t"');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe('TypeScript migration files load through tsx', () => {
  const p = new TempProject('ts');
  // tsx compiles .ts as ESM in a "type": "module" package (or any .mts file).
  p.write('package.json', JSON.stringify({ type: 'module' }));
  p.migration(T1, ".createCollection('typed', { id: { type: 'integer', primaryKey: true } } as const)", 'ts');

  it('plans and applies a .ts migration without a build step', async () => {
    const plan = await p.run(['plan', '--json']);
    expect(plan.code).toBe(0);
    expect(plan.json<{ migrations: { tag: string }[] }>().migrations.map((m) => m.tag)).toEqual([T1]);
    expect((await p.run(['up'])).code).toBe(0);
    const t = await withPglite(join(p.dir, '.ductape', 'default', 'default'), (a) => a.introspect('typed'));
    expect(t?.fields.map((f) => f.name)).toEqual(['id']);
  });
});
