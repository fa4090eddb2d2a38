import { describe, expect, it } from 'vitest';
import { MigrationEngine, UnsupportedOperationError, migration, validationIssues } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 24: text/blob sizes, unsigned integers, precision 0, withTimeZone.
const create = (fields: unknown[]) => ({ name: 'm', up: [{ type: 'createCollection', name: 't', fields }], down: [] });
const codes = (m: unknown) => validationIssues(m).map((i) => i.code);

describe('field type options', () => {
  it.each([
    ['time', 0],
    ['datetime', 0],
    ['timestamp', 0],
    ['datetime', 6],
  ])('%s accepts precision %i', (type, precision) => {
    expect(codes(create([{ name: 'at', type, precision }]))).toEqual([]);
  });

  it.each([
    ['datetime', 7],
    ['time', -1],
    ['decimal', 0],
    ['timestamp', 1.5],
  ])('%s refuses precision %s', (type, precision) => {
    expect(codes(create([{ name: 'at', type, precision }]))).toContain('invalid_precision');
  });

  it('accepts size on text and blob, unsigned on integers, withTimeZone on datetime and timestamp', () => {
    const fields = [
      { name: 'a', type: 'text', size: 'medium' },
      { name: 'b', type: 'blob', size: 'long' },
      { name: 'c', type: 'text', size: 'regular' },
      { name: 'd', type: 'text', size: 'tiny' },
      { name: 'e', type: 'integer', unsigned: true },
      { name: 'f', type: 'bigint', unsigned: true, autoIncrement: true, primaryKey: true },
      { name: 'g', type: 'smallint', unsigned: false },
      { name: 'h', type: 'datetime', withTimeZone: true, precision: 0 },
      { name: 'i', type: 'timestamp', withTimeZone: false },
    ];
    expect(codes(create(fields))).toEqual([]);
  });

  it.each([
    [{ type: 'string', size: 'long' }, 'size_on_wrong_type'],
    [{ type: 'binary', size: 'long' }, 'size_on_wrong_type'],
    [{ type: 'text', size: 'huge' }, 'invalid_size'],
    [{ type: 'decimal', precision: 5, unsigned: true }, 'unsigned_on_wrong_type'],
    [{ type: 'integer', unsigned: 'yes' }, 'invalid_flag'],
    [{ type: 'integer', unsigned: true, default: -1 }, 'negative_default_on_unsigned'],
    [{ type: 'date', withTimeZone: true }, 'with_time_zone_on_wrong_type'],
    [{ type: 'time', withTimeZone: true }, 'with_time_zone_on_wrong_type'],
  ])('refuses %j', (field, code) => {
    expect(codes(create([{ name: 'x', ...field }]))).toContain(code);
  });

  it('a modifyField change may set precision 0 or size without repeating the type', () => {
    const m = { name: 'm', up: [{ type: 'modifyField', collection: 't', field: 'a', changes: { precision: 0, size: 'long' } }], down: [] };
    expect(codes(m)).toEqual([]);
  });

  it('refuses unsigned before any IO on an adapter without unsignedIntegers, and runs it on one with it', async () => {
    const m = migration('counters')
      .createCollection('counters', { id: { type: 'bigint', primaryKey: true, unsigned: true } })
      .build();
    const without = new MemoryAdapter({ capabilities: { unsignedIntegers: false } });
    const error = await new MigrationEngine(without).up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(String((error as Error).message)).toMatch(/unsigned/);
    expect(await without.introspect('counters')).toBeUndefined();
    const added = migration('more').addField('counters', 'hits', { type: 'integer', unsigned: true }).build();
    expect(await new MigrationEngine(without).up(added).catch((e: unknown) => e)).toBeInstanceOf(UnsupportedOperationError);

    const withIt = new MemoryAdapter();
    await new MigrationEngine(withIt).up(m);
    expect((await withIt.introspect('counters'))?.fields[0]).toMatchObject({ unsigned: true });
  });
});
