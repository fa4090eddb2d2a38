import { describe, expect, it } from 'vitest';
import { mariadb, mysql } from '../support/compile-helpers.js';

// Issue 24: the down of a dropField puts the column back where it stood.
describe('addField with a position (a dropField’s down)', () => {
  it('AFTER the field it followed, quoted, in every fallback', () => {
    const text = mysql({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 }, position: { after: 'na`me' } });
    expect(text).toEqual([expect.stringContaining('ADD COLUMN `phone` VARCHAR(20) NULL AFTER `na``me`, ALGORITHM=INSTANT')]);
    expect(text[0]?.match(/AFTER `na``me`/g)).toHaveLength(3);
  });

  it('FIRST, before its unique key clause (MariaDB dialect too)', () => {
    const [text] = mariadb({ type: 'addField', collection: 'users', field: { name: 'id', type: 'integer', unique: true }, position: 'first' });
    expect(text).toContain('ADD COLUMN `id` INT NULL FIRST, ADD UNIQUE KEY `users_id_key` (`id`)');
  });

  it('no position: at the end, as before', () => {
    const [text] = mysql({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } });
    expect(text).not.toMatch(/AFTER|FIRST/);
  });
});
