import type { ResolvedUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { compileBatchFunction } from '../../src/data/batch-function.js';

const types = new Map([
  ['id', 'bigint'],
  ['name', 'character varying(40)'],
  ['status', 'text'],
  ['n', 'integer'],
]);
const update: ResolvedUpdate = {
  table: 'users',
  key: ['id'],
  set: [
    {
      column: 'name',
      value: {
        kind: 'call',
        op: '$CONCAT',
        args: [
          { kind: 'column', name: 'name' },
          { kind: 'literal', value: "O'Brien" },
        ],
      },
    },
    { column: 'status', value: { kind: 'literal', value: 'done' } },
    {
      column: 'n',
      value: {
        kind: 'call',
        op: '$ADD',
        args: [
          { kind: 'column', name: 'n' },
          { kind: 'literal', value: 1 },
        ],
      },
    },
  ],
  where: [
    { column: 'status', op: 'ne', value: 'done' },
    { column: 'n', op: 'in', value: [0, 1] },
  ],
} as unknown as ResolvedUpdate;

describe('compileBatchFunction (the PostgreSQL batch as a PL/pgSQL function of the session)', () => {
  it('passes every value as a typed argument (its column type from the catalog; a literal inside a call by its own type), never in the text', () => {
    const fn = compileBatchFunction(update, 'public', types, 'ductape_update_batch_x', '"public"."_ductape_data_progress"', 'run-id');
    expect(fn).toBeDefined();
    expect(fn!.create).not.toContain("O'Brien");
    expect(fn!.create).not.toContain("'done'");
    expect(fn!.create).toMatch(
      /^CREATE OR REPLACE FUNCTION pg_temp\."ductape_update_batch_x"\(_dt_after text\[\], _dt_limit bigint, _dt_rows_before bigint, _dt_id text, _dt_v1 text, _dt_v2 text, _dt_v3 bigint, _dt_v4 text, _dt_v5 integer\[\]\)/,
    );
    expect(fn!.create).toContain('GET DIAGNOSTICS _dt_n = ROW_COUNT;');
    expect(fn!.create).toContain('DECLARE\n  _dt_a0 bigint;\n  _dt_b0 bigint;');
    expect(fn!.drop).toBe('DROP FUNCTION IF EXISTS pg_temp."ductape_update_batch_x"(text[], bigint, bigint, text, text, text, bigint, text, integer[])');
    const first = fn!.call(undefined, 500, 0);
    expect(first.params).toEqual([null, 500, 0, 'run-id', "O'Brien", 'done', 1, 'done', [0, 1]]);
    expect(first.text).toBe('SELECT _dt_r_rows AS rows, _dt_r_full AS full, _dt_r_k0 AS k0 FROM pg_temp."ductape_update_batch_x"($1, $2, $3, $4, $5, $6, $7, $8, $9)');
    expect(fn!.call(['9007199254740993'], 500, 1000).params.slice(0, 3)).toEqual([['9007199254740993'], 500, 1000]);
  });

  it('answers undefined (the one-statement batch then runs) for a column named like its variables or one the catalog did not type', () => {
    expect(compileBatchFunction(update, 'public', new Map([...types, ['_dt_note', 'text']]), 'f', 'p', 'id')).toBeUndefined();
    expect(compileBatchFunction(update, 'public', new Map([...types].filter(([c]) => c !== 'n')), 'f', 'p', 'id')).toBeUndefined();
  });

  it('picks a dollar quote the body does not contain', () => {
    const quoted = { ...update, table: 'x$ductape$y' } as ResolvedUpdate;
    const fn = compileBatchFunction(quoted, 'public', types, 'f', 'p', 'id')!;
    expect(fn.create).toContain('LANGUAGE plpgsql AS $ductape0$');
    expect(fn.create.endsWith('$ductape0$')).toBe(true);
  });
});
