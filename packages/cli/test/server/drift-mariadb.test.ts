import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { mariadbDatabase } from '../support/mariadb-server.js';

// Issue 24: drift on a MariaDB server sees indexes, unique keys, foreign keys and checks as the
// server stores them: the index InnoDB makes for a foreign key (and keeps when the key is dropped
// by hand), a field's unique key, a prefix index and a check the server rewrites are no drift.
const server = requireServer('mariadb');
const CREATE = '20261201_000001_create';

type Doc = { drifts: { collection: string; kind: string; name?: string }[]; notCompared: string[] };

describe.skipIf(!server)('drift on a MariaDB target: indexes, unique keys, foreign keys, checks', () => {
  const db = mariadbDatabase(server as string, 'drift_keys');
  const p = new TempProject('drift-mariadb');
  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: db.url } } } } } }));
    p.migration(
      CREATE,
      `.createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', length: 191, unique: true }, bio: 'text' })
  .createCollection('orders', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users' } }, code: { type: 'string', length: 40 }, total: { type: 'decimal', precision: 10, scale: 2 } })
  .createIndex('orders', 'orders_code_uq', ['code'], { unique: true })
  .createIndex('users', 'users_bio_prefix', [{ name: 'bio', length: 100 }])
  .addConstraint('orders', { name: 'orders_total_check', type: 'check', expression: 'total >= 0' })
  .createCollection('payments', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users' } }, ref: { type: 'string', length: 40 } })
  .createIndex('payments', 'payments_user_ref_uq', ['user_id', 'ref'], { unique: true })`,
    );
  });
  afterAll(() => db.drop());

  const indexNames = async (table: string) =>
    (await db.query('SELECT DISTINCT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY n', [table])).map((r) => r.n);

  it('as migrated: no drift (the foreign key index MariaDB made, the field key, the prefix index and the rewritten check are not reported)', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    expect(await indexNames('orders')).toEqual(['orders_code_uq', 'orders_user_id_fkey', 'PRIMARY']); // the index InnoDB made with the key
    // InnoDB dropped the key's own index when the unique index on (user_id, ref) came, which serves the key.
    expect(await indexNames('payments')).toEqual(['payments_user_ref_uq', 'PRIMARY']);
    const r = await p.run(['drift', '--json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.json<Doc>()).toMatchObject({ drifts: [], notCompared: [] });
  });

  it('a lost foreign key (its index left behind), dropped unique indexes (one the key needed, replaced by an index of the key) and a dropped field key: each reported once, exit 3', async () => {
    await db.query('ALTER TABLE orders DROP FOREIGN KEY orders_user_id_fkey');
    await db.query('DROP INDEX orders_code_uq ON orders');
    await db.query('ALTER TABLE users DROP INDEX users_email_key');
    expect(await indexNames('orders')).toEqual(['orders_user_id_fkey', 'PRIMARY']); // MariaDB keeps the key's index
    // The unique index the key needs cannot go alone (errno 1553): by hand, with the key's own index added back.
    await expect(db.query('DROP INDEX payments_user_ref_uq ON payments')).rejects.toMatchObject({ errno: 1553 });
    await db.query('ALTER TABLE payments ADD INDEX payments_user_id_fkey (user_id), DROP INDEX payments_user_ref_uq');
    const r = await p.run(['drift', '--json']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.json<Doc>().drifts).toEqual([
      { collection: 'users', kind: 'missing-unique', name: 'users_email_key', expected: '(email)', madeBy: CREATE },
      { collection: 'orders', kind: 'missing-index', name: 'orders_code_uq', expected: '(code) unique', madeBy: CREATE },
      { collection: 'orders', kind: 'missing-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → users(id)', madeBy: CREATE },
      { collection: 'payments', kind: 'missing-index', name: 'payments_user_ref_uq', expected: '(user_id, ref) unique', madeBy: CREATE },
    ]);
    const text = await p.run(['drift']);
    expect(text.stdout).toContain(`orders: foreign key orders_user_id_fkey (user_id) → users(id) is missing: it was created by ${CREATE}; recreate it or record the change in a new migration`);
  });

  it('a check changed by hand is reported with both texts', async () => {
    await db.query('ALTER TABLE orders DROP CONSTRAINT orders_total_check');
    await db.query('ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total > 10)');
    const r = await p.run(['drift', '--json']);
    expect(r.json<Doc>().drifts).toContainEqual({ collection: 'orders', kind: 'changed-check', name: 'orders_total_check', expected: '(total >= 0)', actual: '(`total` > 10)', madeBy: CREATE });
  });
});
