import { type CollectionSnapshot, type UpdateRequest, resolveUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { compileBatchEnd, compileUpdateBatch, planUpdate } from '../../src/shared.js';
import { temporalValue } from '../../src/data/temporal-value.js';

const users: CollectionSnapshot = {
  name: 'users',
  fields: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'first_name', type: 'string' },
    { name: 'last_name', type: 'string' },
    { name: 'full_name', type: 'string' },
    { name: 'qty', type: 'integer' },
    { name: 'price', type: 'double' },
    { name: 'active', type: 'boolean' },
  ],
};
const pairs: CollectionSnapshot = {
  name: 'pairs',
  fields: [
    { name: 'region', type: 'string', primaryKey: true },
    { name: 'seq', type: 'bigint', primaryKey: true },
    { name: 'n', type: 'integer' },
  ],
};
const plan = (request: UpdateRequest, table: CollectionSnapshot) => planUpdate(resolveUpdate(request, table), table);

// Golden SQL of db.update's batches (no server): what each batch sends, values as parameters.
describe('MySQL-family db.update batches (golden)', () => {
  const spec = plan({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, users);

  it("the spec's data migration: the batch's last key, then one UPDATE over the key range", () => {
    expect(compileBatchEnd(spec, undefined, 5000, false)).toEqual({
      text: 'SELECT CAST(`id` AS CHAR) AS k0 FROM `users` WHERE `full_name` IS NULL ORDER BY `id` LIMIT 1 OFFSET ?',
      params: [4999],
    });
    expect(compileBatchEnd(spec, ['5000'], 5000, true)).toEqual({
      text: 'SELECT CAST(`id` AS CHAR) AS k0 FROM `users` WHERE `full_name` IS NULL AND `id` > ? ORDER BY `id` DESC LIMIT 1',
      params: [5000n],
    });
    expect(compileUpdateBatch(spec, ['5000'], ['10000'])).toEqual({
      text: "UPDATE `users` SET `full_name` = CONCAT_WS('', `first_name`, ?, `last_name`) WHERE `full_name` IS NULL AND `id` > ? AND `id` <= ?",
      params: [' ', 5000n, 10000n],
    });
  });

  it('a composite key is walked as a range the server can scan, not a row comparison', () => {
    const p = plan({ table: 'pairs', data: { n: { $ADD: ['n', 1] } }, where: { n: { $ne: 3 } } }, pairs);
    expect(compileUpdateBatch(p, ['eu', '9007199254740993'], ['us', '7'])).toEqual({
      text:
        'UPDATE `pairs` SET `n` = (`n` + ?) WHERE NOT (`n` <=> ?)' +
        ' AND `region` >= ? AND (`region` > ? OR (`region` = ? AND `seq` > ?))' +
        ' AND `region` <= ? AND (`region` < ? OR (`region` = ? AND `seq` <= ?))',
      params: [1, 3, 'eu', 'eu', 'eu', 9007199254740993n, 'us', 'us', 'us', 7n],
    });
  });

  it("gives PostgreSQL's semantics: integer DIV, DOUBLE fractions, booleans as t/f, assignments that read before they write", () => {
    const p = plan(
      {
        table: 'users',
        data: { qty: { $ADD: ['qty', 1] }, price: { $DIV: ['qty', 2.5] }, first_name: { $CONCAT: ['active', { $DIV: ['qty', 2] }] }, last_name: { $LOWER: 'active' } },
        where: { id: { $in: [1, 2] } },
      },
      users,
    );
    expect(p.set.map((s) => s.column)).toEqual(['price', 'first_name', 'qty', 'last_name']);
    expect(compileUpdateBatch(p, undefined, ['2']).text).toBe(
      "UPDATE `users` SET `price` = (`qty` / (? + 0E0)), `first_name` = CONCAT_WS('', ELT(2 - ((`active`) <> 0), 't', 'f'), (`qty` DIV ?)), `qty` = (`qty` + ?), `last_name` = LOWER(ELT(2 - ((`active`) <> 0), 'true', 'false')) WHERE `id` IN (?, ?) AND `id` <= ?",
    );
  });

  it('refuses assignments that read each other before any IO', () => {
    expect(() => plan({ table: 'users', data: { first_name: { $CONCAT: ['last_name'] }, last_name: { $CONCAT: ['first_name'] } } }, users)).toThrow(/are each set from another of them/);
  });

  it('fits ISO 8601 text to the temporal column as PostgreSQL reads it', () => {
    expect(temporalValue('timestamp', '2024-01-15T14:30:00.25+02:00')).toBe('2024-01-15 12:30:00.25');
    expect(temporalValue('timestamp', '2024-01-15T00:30:00-01:30')).toBe('2024-01-15 02:00:00');
    expect(temporalValue('timestamp', '2024-01-15T14:30Z')).toBe('2024-01-15 14:30:00');
    expect(temporalValue('datetime', '2024-01-15T14:30:00+02:00')).toBe('2024-01-15 14:30:00');
    expect(temporalValue('time', '14:30:00+02:00')).toBe('14:30:00');
    expect(temporalValue('string', '2024-01-15T14:30:00Z')).toBe('2024-01-15T14:30:00Z');
  });
});
