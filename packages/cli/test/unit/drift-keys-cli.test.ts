import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

// Issue 24: `ductape drift` and `drift --fleet` (the same check) report a lost key with what to do,
// exit 3, and name a raw migration as out of scope; on embedded PGlite.
const CREATE = '20261201_000001_create';
const RAW = '20261201_000002_backfill';
const TENANTS = ['tenant_a', 'tenant_b'];
const CONFIG = { products: {}, fleets: { tenants: { environments: { dev: { targets: TENANTS.map((name) => ({ url: `pglite://.ductape/fleet/${name}`, name })) } } } } };
const CHAIN = `.createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', length: 200, unique: true } })
  .createCollection('orders', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users' } } })`;
const LOST = 'ALTER TABLE users DROP CONSTRAINT users_email_key; ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey';

describe('ductape drift: indexes and constraints on the command line (PGlite)', () => {
  const p = new TempProject('drift-keys');
  p.migration(CREATE, CHAIN);
  p.migration(RAW, ".raw('postgresql', 'UPDATE users SET email = lower(email)', { down: 'SELECT 1' })");
  const db = () => join(p.dir, '.ductape', 'default', 'default');

  it('a dropped unique constraint and a lost foreign key: one line each saying what differs and what to do, exit 3; the raw migration named as out of scope', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    const clean = await p.run(['drift']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('no drift in 2 collections');
    expect(clean.stderr).toContain(`raw operations are out of scope: what ${RAW} changed is not modelled, so drift does not compare it; check it by hand`);

    await withPglite(db(), (a) => a.query(LOST));
    const r = await p.run(['drift']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain(`missing-unique        users: unique constraint users_email_key (email) is missing: it was created by ${CREATE}; recreate it or record the change in a new migration`);
    expect(r.stdout).toContain(
      `missing-foreign-key   orders: foreign key orders_user_id_fkey (user_id) → users(id) is missing: it was created by ${CREATE}; recreate it or record the change in a new migration`,
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 differences');
    expect(r.stderr).toContain(`out of scope: what ${RAW} changed`);
    const doc = (await p.run(['drift', '--json'])).json<{ drifts: unknown[]; notChecked: string[]; notCompared: string[] }>();
    expect(doc.drifts).toEqual([
      { collection: 'users', kind: 'missing-unique', name: 'users_email_key', expected: '(email)', madeBy: CREATE },
      { collection: 'orders', kind: 'missing-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → users(id)', madeBy: CREATE },
    ]);
    expect(doc).toMatchObject({ notChecked: [RAW], notCompared: [] });
  });
});

describe('ductape drift --fleet: indexes and constraints through the same check (PGlite targets)', () => {
  const p = new TempProject('drift-keys-fleet');
  p.write('ductape.config.json', JSON.stringify(CONFIG));
  p.migration(CREATE, CHAIN);
  p.migration(RAW, ".raw('postgresql', 'UPDATE users SET email = lower(email)', { down: 'SELECT 1' })");

  it('drift --fleet: the same check on every target, a target that lost its keys in its own group (exit 3)', async () => {
    expect((await p.run(['up', '--fleet', 'tenants'])).code).toBe(0);
    await withPglite(join(p.dir, '.ductape', 'fleet', 'tenant_b'), (a) => a.query(LOST));
    const r = await p.run(['drift', '--fleet', 'tenants']);
    expect(r.code, r.stderr).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(1, 3)).toEqual(['✓ 1 target without drift', '✗ 1 target with 2 differences: tenant_b']);
    expect(lines[3]).toMatch(/^ {4}missing-unique\s+users: unique constraint users_email_key \(email\) is missing: it was created by /);
    expect(lines[4]).toMatch(/^ {4}missing-foreign-key\s+orders: foreign key orders_user_id_fkey/);
    expect(r.stderr).toContain(`raw operations are out of scope: what ${RAW} changed`);
  });
});
