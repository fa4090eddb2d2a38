import { describe, expect, it } from 'vitest';
import { ValidationError } from '@ductape/core';
import { columnType } from '../../src/compile/column-type.js';
import { parseType } from '../../src/introspect/parse-type.js';
import { compileOne } from '../support/compile-helpers.js';

// Issue 24: withTimeZone and precision 0–6 on PostgreSQL; text/blob sizes compile to text/bytea.
describe('type options on PostgreSQL', () => {
  it('datetime is timestamp and timestamp is timestamptz unless withTimeZone says otherwise; precision is the fractional digits', () => {
    expect(
      compileOne({
        type: 'createCollection',
        name: 'ev',
        fields: [
          { name: 'a', type: 'datetime' },
          { name: 'b', type: 'datetime', withTimeZone: true },
          { name: 'c', type: 'timestamp' },
          { name: 'd', type: 'timestamp', withTimeZone: false, precision: 0 },
          { name: 'e', type: 'datetime', precision: 3 },
          { name: 'f', type: 'time', precision: 0 },
          { name: 'g', type: 'time' },
          { name: 'h', type: 'text', size: 'medium' },
          { name: 'i', type: 'blob', size: 'long' },
          { name: 'j', type: 'text', size: 'tiny' },
        ],
      }),
    ).toEqual([
      [
        'CREATE TABLE "public"."ev" (',
        '  "a" timestamp,',
        '  "b" timestamptz,',
        '  "c" timestamptz,',
        '  "d" timestamp(0),',
        '  "e" timestamp(3),',
        '  "f" time(0),',
        '  "g" time,',
        '  "h" text,',
        '  "i" bytea,',
        '  "j" text',
        ')',
      ].join('\n'),
    ]);
  });

  it('refuses a precision above 6 before any IO', () => {
    expect(() => columnType({ type: 'timestamp', precision: 7 })).toThrow(ValidationError);
  });

  it('reads each temporal type back as the options that compile to it', () => {
    expect(parseType('timestamp(0) without time zone')).toEqual({ type: 'datetime', precision: 0 });
    expect(parseType('timestamp(6) with time zone')).toEqual({ type: 'timestamp', precision: 6 });
    expect(parseType('time(0) without time zone')).toEqual({ type: 'time', precision: 0 });
    expect(parseType('time(3) with time zone')).toEqual({ type: 'native', native: 'time(3) with time zone' });
    expect(parseType('timestamp with time zone')).toEqual({ type: 'timestamp' });
    for (const sql of ['timestamp(0) without time zone', 'timestamp(6) with time zone', 'time(0) without time zone'])
      expect(columnType(parseType(sql))).toBe(sql.replace(' without time zone', '').replace('timestamp(6) with time zone', 'timestamptz(6)'));
  });
});
