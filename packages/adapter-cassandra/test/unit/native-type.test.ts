import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, ValidationError } from '@ductape/core';
import { parseCqlType } from '../../src/introspect/parse-type.js';
import { built, cql, refusal } from '../support/compile-helpers.js';

describe('native CQL types (compile and introspection, no server)', () => {
  it('a native field is its CQL text verbatim, in CREATE TABLE and ADD', () => {
    const m = built(
      {
        type: 'createCollection',
        name: 't',
        fields: [
          { name: 'id', type: 'native', native: 'timeuuid', primaryKey: true },
          { name: 'tags', type: 'native', native: 'set<text>' },
          { name: 'm', type: 'native', native: 'map<text, frozen<list<int>>>' },
        ],
      },
      { type: 'addField', collection: 't', field: { name: 'ip', type: 'native', native: 'inet' } },
    );
    expect(cql(m, 0)).toEqual(['CREATE TABLE "app"."t" ("id" timeuuid, "tags" set<text>, "m" map<text, frozen<list<int>>>, PRIMARY KEY (("id")))']);
    expect(cql(m, 1)).toEqual(['ALTER TABLE "app"."t" ADD "ip" inet']);
  });

  it('malformed CQL type text, counter keys and non-frozen collections in the key are refused before any IO', () => {
    const field = (native: string, primaryKey = false) => [
      {
        type: 'createCollection' as const,
        name: 't',
        fields: [
          { name: 'id', type: 'uuid' as const, primaryKey: !primaryKey },
          { name: 'c', type: 'native' as const, native, primaryKey },
        ],
      },
    ];
    expect(refusal(field('set<text'))).toBeInstanceOf(ValidationError);
    expect(refusal(field('text int'))).toBeInstanceOf(ValidationError);
    expect(refusal(field('map<text,>'))).toBeInstanceOf(ValidationError);
    // A table of keys and one counter is a counter table; a counter key is refused.
    expect(refusal(field('counter'))).toBeUndefined();
    expect(refusal(field('counter', true))).toBeInstanceOf(UnsupportedOperationError);
    expect(refusal(field('set<text>', true))).toBeInstanceOf(UnsupportedOperationError);
    expect(refusal(field('frozen<set<text>>', true))).toBeUndefined();
  });

  it('system_schema types read back portable only when a portable type compiles to exactly them; all else native, verbatim', () => {
    expect(parseCqlType('int')).toEqual({ type: 'integer' });
    expect(parseCqlType('list<int>')).toEqual({ type: 'array', itemType: 'integer' });
    expect(parseCqlType('list<text>')).toEqual({ type: 'array', itemType: 'string' });
    for (const t of [
      'timeuuid',
      'tinyint',
      'varint',
      'ascii',
      'inet',
      'duration',
      'counter',
      'set<text>',
      'map<text, int>',
      'frozen<list<int>>',
      'list<timeuuid>',
      'tuple<int, text>',
      'vector<float, 3>',
    ]) {
      expect(parseCqlType(t)).toEqual({ type: 'native', native: t });
    }
  });
});
