import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { mariadbDatabase } from '../support/mariadb-server.js';
import { serverDatabase, withServer } from '../support/pg-server.js';

// Issue 24: a history that creates, renames, drops and changes keys the way real schemas do,
// migrated by ductape on MariaDB and on PostgreSQL, is no drift on either: what each server and
// adapter does with names (InnoDB's foreign key indexes, derived key names carried by renames,
// rewritten checks) must not read as a difference.
const CREATE = `.createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', length: 191, unique: true }, name: { type: 'string', length: 100 }, status: { type: 'enum', enumValues: ['active', 'blocked'] }, bio: { type: 'string', length: 200 } })
  .createCollection('orgs', { id: { type: 'integer', primaryKey: true }, slug: { type: 'string', length: 60 } })
  .createCollection('memberships', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users', onDelete: 'CASCADE' } }, org_id: 'integer', role: { type: 'string', length: 20 } })
  .createIndex('memberships', 'memberships_org_role', ['org_id', 'role'])
  .addConstraint('memberships', { name: 'memberships_org_fk', type: 'foreignKey', columns: ['org_id'], references: { table: 'orgs', columns: ['id'] } })
  .addConstraint('memberships', { name: 'memberships_user_org_uq', type: 'unique', columns: ['user_id', 'org_id'] })
  .addConstraint('users', { name: 'users_name_len', type: 'check', expression: 'char_length(name) > 0' })
  .addConstraint('orgs', { name: 'orgs_slug_set', type: 'check', expression: "slug <> ''" })
  .createIndex('users', 'users_bio_idx', ['bio'])`;
const CHANGE = `.renameField('memberships', 'role', 'kind')
  .renameCollection('orgs', 'teams')
  .dropField('users', 'bio')
  .modifyField('users', 'name', { unique: true })
  .dropConstraint('memberships', 'memberships_user_org_uq')
  .createIndex('users', 'users_status_idx', ['status'])`;

type Doc = { drifts: unknown[] };
const LOST = [
  { collection: 'users', kind: 'missing-unique', name: 'users_name_key', expected: '(name)', madeBy: '20261202_000001_change' },
  { collection: 'memberships', kind: 'missing-foreign-key', name: 'memberships_org_fk', expected: '(org_id) → teams(id)', madeBy: '20261201_000001_create' },
];

const setUp = (p: TempProject, url: string) => {
  p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: url } } } } } }));
  p.migration('20261201_000001_create', CREATE);
  p.migration('20261202_000001_change', CHANGE);
};

interface Target {
  readonly label: string;
  readonly server: string | undefined;
  /** A fresh database on the server, and how to drop the unique key and the foreign key by hand. */
  readonly database: (server: string) => { readonly url: string; create(): Promise<unknown>; drop(): Promise<unknown>; dropKeysByHand(): Promise<unknown> };
}

const targets: Target[] = [
  {
    label: 'MariaDB',
    server: requireServer('mariadb'),
    database: (server) => {
      const db = mariadbDatabase(server, 'drift_history');
      return Object.assign(db, {
        dropKeysByHand: async () => {
          await db.query('ALTER TABLE users DROP INDEX users_name_key');
          await db.query('ALTER TABLE memberships DROP FOREIGN KEY memberships_org_fk');
        },
      });
    },
  },
  {
    label: 'PostgreSQL',
    server: requireServer('postgres'),
    database: (server) => {
      const db = serverDatabase(server, 'drift_history');
      return Object.assign(db, {
        dropKeysByHand: () => withServer(db.url, (a) => a.query('ALTER TABLE users DROP CONSTRAINT users_name_key; ALTER TABLE memberships DROP CONSTRAINT memberships_org_fk')),
      });
    },
  },
];

for (const t of targets) {
  describe.skipIf(!t.server)(`drift after a real-schema history on ${t.label}`, () => {
    const db = t.server ? t.database(t.server) : undefined;
    const p = new TempProject(`drift-history-${t.label.toLowerCase()}`);
    beforeAll(async () => {
      await db?.create();
      if (db) setUp(p, db.url);
    });
    afterAll(() => db?.drop());

    it('no drift after the first migration, nor after renames, drops and changes of keys; a key dropped by hand then is', async () => {
      expect((await p.run(['up', '--to', '20261201_000001_create'])).code).toBe(0);
      expect((await p.run(['drift', '--json'])).json<Doc>().drifts).toEqual([]);
      const up = await p.run(['up']);
      expect(up.code, up.stderr).toBe(0);
      expect((await p.run(['drift', '--json'])).json<Doc>().drifts).toEqual([]);
      await db?.dropKeysByHand();
      expect((await p.run(['drift', '--json'])).json<Doc>().drifts).toEqual(LOST);
    });
  });
}
