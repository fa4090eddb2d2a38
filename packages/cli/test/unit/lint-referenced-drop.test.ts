import { migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../src/lint/lint.js';

// Issue 24 decision: a dropField/dropCollection without cascade of what another table's foreign
// key references is refused by up before any change; lint says so on the databases with foreign keys.
const tables = migration('tables')
  .createCollection('parent', [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'code', type: 'integer', unique: true },
    { name: 'note', type: 'string' },
  ])
  .createCollection('kid', [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'pcode', type: 'integer' },
  ])
  .addConstraint('kid', { type: 'foreignKey', name: 'kid_pcode_fk', columns: ['pcode'], references: { table: 'parent', columns: ['code'] } })
  .build();
const rule = (dialect: string, ...ms: Parameters<typeof lintMigrations>[0]) => lintMigrations(ms, [], { dialect }).filter((f) => f.rule === 'referenced-drop');

describe('lint referenced-drop', () => {
  it('dropField of a referenced column without cascade: an error naming the key, with the cascade hint (postgres, mariadb, mysql)', () => {
    const drop = migration('drop_code').dropField('parent', 'code').build();
    for (const dialect of ['postgres', 'mariadb', 'mysql']) {
      const [f, ...rest] = rule(dialect, tables, drop);
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ severity: 'error', tag: drop.tag, op: 1, collection: 'parent' });
      expect(f?.message).toContain('kid.kid_pcode_fk');
      expect(f?.hint).toContain('{ cascade: true }');
    }
  });

  it('with cascade, of a column nobody references, or on a database without foreign keys: nothing', () => {
    expect(rule('postgres', tables, migration('drop_code').dropField('parent', 'code', { cascade: true }).build())).toEqual([]);
    expect(rule('postgres', tables, migration('drop_note').dropField('parent', 'note').build())).toEqual([]);
    expect(rule('mongo', tables, migration('drop_code').dropField('parent', 'code').build())).toEqual([]);
  });

  it('dropCollection of a referenced table without cascade: an error too', () => {
    const [f] = rule('mariadb', tables, migration('drop_parent').dropCollection('parent').build());
    expect(f?.message).toContain('drops table "parent", which foreign key kid.kid_pcode_fk references');
    expect(rule('mariadb', tables, migration('drop_parent').dropCollection('parent', { cascade: true }).build())).toEqual([]);
  });
});
