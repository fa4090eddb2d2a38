import { migration, resolveUpdate, updateEvaluator } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { mongoSession } from '../support/mongo-session.js';
import { mongoUrl } from '../support/server.js';

// Issue 19: on the server, db.update gives what core's shared evaluator (PostgreSQL's semantics)
// gives for the same documents — NULL/missing in $CONCAT, booleans as t/f, integer ÷ integer
// truncated, arithmetic on NULL. (FerretDB computes per document; real MongoDB's pipeline form
// of the same rules is pinned in test/unit/update-semantics.test.ts.)
describe.skipIf(!mongoUrl)('db.update semantics equal core’s evaluator (FerretDB)', () => {
  const session = mongoSession(mongoUrl as string, 'ductape_sem');

  it('the same values as updateEvaluator for null, missing, booleans and integer division', async () => {
    const { adapter, engine } = session;
    await engine.up(
      migration('t')
        .createCollection('t', { _id: { type: 'integer', primaryKey: true }, a: 'string', ok: 'boolean', n: 'integer', s: 'string', q: 'integer' })
        .build(),
    );
    const docs = [
      { _id: 1, a: 'x', ok: true, n: 7 },
      { _id: 2, a: null, ok: false, n: -7 },
      { _id: 3, n: null },
      { _id: 4, a: 'y', ok: true },
    ];
    await adapter.driver.db.collection('t').insertMany(docs as never[]);
    const snapshot = (await adapter.introspect('t'))!;
    const update = resolveUpdate({ table: 't', data: { s: { $CONCAT: ['a', '-', 'ok'] }, q: { $DIV: ['n', 2] } }, where: { a: { $ne: 'y' } } }, snapshot);
    const evaluator = updateEvaluator(update, snapshot.fields);
    const expected = docs.map((d) => (evaluator.matches(d) ? { ...d, ...evaluator.values(d) } : d));
    expect(await adapter.updateRows(update, {})).toMatchObject({ rowsUpdated: 3 });
    expect(await adapter.driver.db.collection('t').find({}).sort({ _id: 1 }).toArray()).toEqual(expected);
    expect(expected.map((d) => [(d as { s?: string }).s, (d as { q?: number }).q])).toEqual([
      ['x-t', 3],
      ['-f', -3],
      ['-', null],
      [undefined, undefined],
    ]);
  });
});
