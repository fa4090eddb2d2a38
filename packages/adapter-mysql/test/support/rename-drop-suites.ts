import { beforeAll, describe, expect, it } from 'vitest';
import { type MigrationEngine, migration, type Adapter } from '@ductape/core';
import { ColumnInForeignKeyError } from '../../src/shared.js';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Real-server checks both MySQL-family adapters run (issue 16): renameCollection keeps indexes,
 * unique keys and foreign keys (in and out), history and introspection; dropping a column a
 * foreign key uses: the engine drops the key first and down restores it (issue 24); a step run
 * as compiled, without the engine, is refused before its statement, naming the key.
 */
export function renameDropSuites(target: FamilyTarget): void {
  describe(`${target.label}: renameCollection and foreign-key columns on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);
    async function tables(): Promise<string[]> {
      const rows = await db.query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE '\\_ductape%' ORDER BY TABLE_NAME");
      return rows.map((r) => String(r.t));
    }

    const schema = migration('shop')
      .createCollection('customers', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', unique: true }, name: 'string' })
      .createCollection('orders', { id: { type: 'integer', primaryKey: true }, customerId: { type: 'integer', references: { table: 'customers', onDelete: 'CASCADE' } }, total: 'decimal' })
      .createIndex('customers', 'ix_customers_name', ['name'])
      .addConstraint('orders', { name: 'orders_total_check', type: 'check', expression: 'total >= 0' })
      .build();

    it('renameCollection: RENAME TABLE keeps indexes, unique keys and foreign keys in and out; down renames back', async () => {
      await engine.up(schema);
      const customers = await showCreate('customers');
      const orders = await showCreate('orders');
      const rename = migration('rename_tables').renameCollection('customers', 'clients').renameCollection('orders', 'purchases').build();
      // With `previous` read from the database, the field's unique key is renamed with the table.
      expect((await engine.preview(rename)).steps.map((s) => (s as { text?: string }).text)).toEqual([
        'ALTER TABLE `customers` RENAME TO `clients`, RENAME INDEX `customers_email_key` TO `clients_email_key`',
        'RENAME TABLE `orders` TO `purchases`',
      ]);
      await engine.up(rename);
      expect(await tables()).toEqual(['clients', 'purchases']);
      // The field's unique key follows the table's name (the engine gives the op its `previous`).
      expect(await showCreate('clients')).toBe(customers.replace('CREATE TABLE `customers`', 'CREATE TABLE `clients`').replace('`customers_email_key`', '`clients_email_key`'));
      expect(await showCreate('purchases')).toBe(orders.replace('CREATE TABLE `orders`', 'CREATE TABLE `purchases`').replace('REFERENCES `customers`', 'REFERENCES `clients`'));
      const clients = await adapter.introspect('clients');
      expect(clients?.fields.find((f) => f.name === 'email')).toMatchObject({ unique: true });
      expect(clients?.indexes).toEqual([{ name: 'ix_customers_name', fields: [{ name: 'name' }] }]);
      expect((await adapter.introspect('purchases'))?.constraints?.find((c) => c.type === 'foreignKey')).toMatchObject({
        name: 'orders_customerId_fkey',
        references: { table: 'clients', columns: ['id'], onDelete: 'CASCADE' },
      });
      expect((await engine.getHistory()).map((h) => [h.name, h.status])).toEqual([
        ['shop', 'applied'],
        ['rename_tables', 'applied'],
      ]);
      await engine.down(rename);
      expect(await showCreate('customers')).toBe(customers);
      expect(await showCreate('orders')).toBe(orders);
      expect((await engine.getHistory()).map((h) => h.name)).toEqual(['shop']);
    });

    it('dropField of a column a foreign key the migration defines uses: the engine drops the key first (issue 24), and down restores it', async () => {
      const m = migration('drop_defined')
        .createCollection('teams', { id: { type: 'integer', primaryKey: true }, name: 'string' })
        .createCollection('players', { id: { type: 'integer', primaryKey: true }, teamId: { type: 'integer', references: { table: 'teams' } } })
        .dropField('teams', 'id', { previous: { name: 'id', type: 'integer', primaryKey: true }, cascade: true })
        .build();
      await engine.up(m);
      const recorded = (await engine.getHistory()).find((h) => h.name === 'drop_defined');
      expect(recorded?.migration.up.map((op) => (op.type === 'dropConstraint' ? `drop ${op.collection}.${op.name}` : op.type))).toContain('drop players.players_teamId_fkey');
      expect((await adapter.introspect('players'))?.constraints ?? []).toEqual([]);
      await engine.down(m);
      expect(await tables()).toEqual(['customers', 'orders']);
      expect((await engine.getHistory()).map((h) => h.name)).toEqual(['shop']);
    });

    it('a foreign key already in the database on another table: the engine drops it before the column (issue 24; errno 1829 after earlier steps before), and down gives both tables back', async () => {
      const customers = await showCreate('customers');
      const orders = await showCreate('orders');
      const m = migration('drop_customer_id').addField('orders', 'note', 'string').dropField('customers', 'id', { cascade: true }).build();
      await engine.up(m);
      expect((await adapter.introspect('orders'))?.constraints?.map((c) => c.name)).toEqual(['orders_total_check']);
      expect((await adapter.introspect('customers'))?.fields.map((f) => f.name)).toEqual(['email', 'name']);
      await engine.down(m);
      expect(await showCreate('customers')).toBe(customers); // `id` FIRST again, with its primary key
      expect(await showCreate('orders')).toBe(orders);
    });

    it("a column of the table's own foreign key: the step refuses when run as compiled (the engine drops the key first, and down restores it)", async () => {
      const op = { type: 'dropField', collection: 'orders', field: 'customerId' } as const;
      const alone = migration('drop_alone').operation(op).build();
      const [step] = adapter.compile(op, { migration: alone, direction: 'up', index: 0, options: {} });
      const error = await adapter
        .withSession('autocommit', (session) => adapter.execute(step as never, session))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ name: ColumnInForeignKeyError.name, table: 'orders', column: 'customerId', constraint: 'orders_customerId_fkey' });
      // Through the engine the key is dropped explicitly first (with its definition), so down restores it.
      const m = migration('drop_customer_fk_column').dropField('orders', 'customerId').build();
      await engine.up(m);
      expect((await adapter.introspect('orders'))?.constraints?.map((c) => c.name)).toEqual(['orders_total_check']);
      await engine.down(m);
      expect((await adapter.introspect('orders'))?.constraints?.map((c) => c.name).sort()).toEqual(['orders_customerId_fkey', 'orders_total_check']);
      expect((await showCreate('orders')).replace(/\n/g, ' ')).toContain('CONSTRAINT `orders_customerId_fkey` FOREIGN KEY (`customerId`) REFERENCES `customers` (`id`) ON DELETE CASCADE');
    });
  });
}
