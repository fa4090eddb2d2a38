import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import type { UpdateTarget } from './update-checks.js';

type Queryable = { query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> };

/**
 * A PostgreSQL connection URL (server) or `pglite://memory` as the dev env of a config.
 * @example configFor('pglite://memory')
 */
export function configFor(connection: string): DuctapeConfig {
  return { products: { app: { databases: { main: { adapter: '@ductape/adapter-postgres', environments: { dev: connection } } } } } };
}

/** SQL on the database a service is connected to (for test setup and checks). */
export function sql(db: DatabaseService, text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const adapter = db.getAdapter();
  return ((adapter instanceof CurrentAdapter ? adapter.target : adapter) as unknown as Queryable).query(text, params);
}

/**
 * The db.update checks on PostgreSQL or PGlite; the database refuses a value too long for string(5).
 * @example updateCheckCases(postgresTarget('pglite://memory'))
 */
export function postgresTarget(connection: string): UpdateTarget {
  return {
    key: 'id',
    connect: async () => {
      const db = new DatabaseService({ config: configFor(connection), vars: {} });
      await db.connect({ env: 'dev', product: 'app', database: 'main' });
      return db;
    },
    insert: async (db, table, rows) => {
      for (const r of rows) await sql(db, `INSERT INTO "${table}" (id, age, name) VALUES ($1, $2, $3)`, [r.id, r.age, r.name]);
    },
    read: async (db, table) => (await sql(db, `SELECT id, age, name FROM "${table}" ORDER BY id`)).map((r) => `${r.id}:${r.age}:${r.name}`),
    // 'abcde' + '!' is 6 characters in a string(5): rows 1 and 2 fit, row 3 is refused (22001).
    refused: { request: (table) => ({ table, data: { name: { $CONCAT: ['name', '!'] } } }), says: /longer than its column allows/, rowsBefore: 2 },
  };
}
