import { describe, expect, it } from 'vitest';
import { ValidationError, migration } from '../src/index.js';

// An inline `references` with a key of its own used to be expanded into a foreign key on `id`,
// its unknown key dropped without a word: a foreign key to the wrong column, "applied".
describe('inline references with a misspelled key', () => {
  it('is refused by name on createCollection and addField, before any IO', () => {
    const create = () =>
      migration('orders')
        .createCollection('orders', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users', column: 'uid' } as never } })
        .build();
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(/up\[0\]\.fields\[1\]\.references\.column: unknown references option "column"; use table, columns, onDelete, onUpdate/);
    const add = () =>
      migration('add')
        .addField('orders', 'user_id', { type: 'integer', references: { table: 'users', colums: ['uid'] } as never })
        .build();
    expect(add).toThrow(/references\.colums: unknown references option "colums"/);
  });

  it('a well-formed one still becomes its own foreign key on the columns it names', () => {
    const m = migration('orders')
      .createCollection('orders', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users', columns: ['uid'], onDelete: 'CASCADE' } } })
      .build();
    expect(m.up[1]).toEqual({
      type: 'addConstraint',
      collection: 'orders',
      constraint: { name: 'orders_user_id_fkey', type: 'foreignKey', columns: ['user_id'], references: { table: 'users', columns: ['uid'], onDelete: 'CASCADE' } },
    });
  });
});
