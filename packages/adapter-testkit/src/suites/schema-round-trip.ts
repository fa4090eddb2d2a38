import { describe, expect, it } from 'vitest';
import { migration, type Capabilities, type CollectionSnapshot, type Operation } from '@ductape/core';
import { baseFields, build, comparable, unique } from '../support/fixtures.js';
import { expectDeclaredRefusal } from '../support/declared-refusal.js';
import type { KitContext } from '../support/kit-context.js';

interface Case {
  readonly name: string;
  readonly needs?: keyof Capabilities;
  /** The op, given the base table's name, the referenced table's name and the base table's snapshot. */
  readonly op: (table: string, ref: string, before: CollectionSnapshot) => Operation | undefined;
}

const cases: Case[] = [
  { name: 'addField', op: (t) => ({ type: 'addField', collection: t, field: { name: 'phone', type: 'string', length: 20, default: '+1', required: true } }) },
  { name: 'addField (unique uuid)', op: (t) => ({ type: 'addField', collection: t, field: { name: 'token', type: 'uuid', unique: true } }) },
  { name: 'dropField (with previous)', needs: 'dropField', op: (t, _r, s) => ({ type: 'dropField', collection: t, field: 'status', previous: field(s, 'status') }) },
  // `n` carries the base index: the drop must take the index explicitly so down restores it.
  { name: 'dropField (indexed, with previous)', needs: 'dropField', op: (t, _r, s) => ({ type: 'dropField', collection: t, field: 'n', previous: field(s, 'n') }) },
  { name: 'renameField', needs: 'renameField', op: (t) => ({ type: 'renameField', collection: t, from: 'note', to: 'remark' }) },
  {
    name: 'modifyField (length, required)',
    needs: 'modifyField',
    op: (t, _r, s) => ({ type: 'modifyField', collection: t, field: 'email', changes: { length: 500, required: true }, previous: field(s, 'email') }),
  },
  {
    name: 'modifyField (default, enum values)',
    needs: 'modifyField',
    op: (t, _r, s) => ({ type: 'modifyField', collection: t, field: 'status', changes: { enumValues: ['on', 'off', 'gone'], default: 'off' }, previous: field(s, 'status') }),
  },
  { name: 'modifyField (type)', needs: 'modifyField', op: (t, _r, s) => ({ type: 'modifyField', collection: t, field: 'n', changes: { type: 'bigint' }, previous: field(s, 'n') }) },
  { name: 'createIndex (composite, desc)', op: (t) => ({ type: 'createIndex', collection: t, name: `${t}_ix`, fields: [{ name: 'email' }, { name: 'n', order: 'DESC' }] }) },
  { name: 'createIndex (unique)', op: (t) => ({ type: 'createIndex', collection: t, name: `${t}_ux`, fields: [{ name: 'email' }], unique: true }) },
  { name: 'dropIndex (with previous)', op: (t, _r, s) => ({ type: 'dropIndex', collection: t, name: `${t}_base_ix`, previous: s.indexes?.find((i) => i.name === `${t}_base_ix`) }) },
  {
    name: 'addConstraint (foreign key)',
    needs: 'foreignKeys',
    op: (t, r) => ({
      type: 'addConstraint',
      collection: t,
      constraint: { name: `${t}_fk`, type: 'foreignKey', columns: ['ref_id'], references: { table: r, columns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' } },
    }),
  },
  { name: 'addConstraint (unique)', needs: 'uniqueConstraints', op: (t) => ({ type: 'addConstraint', collection: t, constraint: { name: `${t}_uq`, type: 'unique', columns: ['email', 'n'] } }) },
  { name: 'dropCollection (with previous, cascade)', op: (t, _r, s) => ({ type: 'dropCollection', name: t, cascade: true, previous: s }) },
];

// The plain Errors of this file are conformance failure reports inside a vitest test (allowlisted
// in core's test/no-plain-errors.test.ts), never thrown to an adapter's user.
function withoutPrevious(op: Operation | undefined): Operation {
  if (!op) throw new Error('case produced no op');
  const { previous: _p, ...rest } = op as Operation & { previous?: unknown };
  return rest as Operation;
}

function field(s: CollectionSnapshot, name: string) {
  const f = s.fields.find((x) => x.name === name);
  if (!f) throw new Error(`introspection of ${s.name} has no field ${name}`);
  return f;
}

/** Every op, up then down, leaves the schema as it was (compared by introspection). */
export function schemaRoundTrip(kit: KitContext): void {
  describe('every op up then down leaves the schema as it was', () => {
    async function setup(): Promise<{ table: string; ref: string; before: CollectionSnapshot }> {
      const table = unique('rt');
      const ref = unique('rt_ref');
      await kit.apply(build('setup', { type: 'createCollection', name: ref, fields: [{ name: 'id', type: 'integer', primaryKey: true }] }));
      const ops: Operation[] = [
        { type: 'createCollection', name: table, fields: baseFields() },
        // On `n`, not the text column: MySQL/MariaDB index TEXT only by a prefix (refused without `length`).
        { type: 'createIndex', collection: table, name: `${table}_base_ix`, fields: [{ name: 'n' }] },
      ];
      await kit.apply(build('setup', ...ops));
      const before = await kit.snapshot(table);
      if (!before) throw new Error(`introspect("${table}") found nothing right after creating it`);
      return { table, ref, before };
    }

    for (const c of cases) {
      it(c.name, async (ctx) => {
        if (c.needs && !kit.adapter.capabilities[c.needs]) return ctx.skip();
        const { table, ref, before } = await setup();
        const op = c.op(table, ref, before);
        if (!op) throw new Error('case produced no op');
        const m = build(c.name.replace(/\W+/g, '_'), op);
        const engine = kit.engine();
        if (expectDeclaredRefusal(kit, c.name, m)) {
          expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
          return;
        }
        await engine.up(m);
        const during = await kit.snapshot(table);
        expect(comparable(during)).not.toEqual(comparable(before));
        if (op.type === 'createIndex') {
          // Introspection must read the index back as created (a down built from it recreates it).
          expect(during?.indexes?.find((i) => i.name === op.name)?.fields).toEqual(op.fields);
        }
        const [row] = (await engine.getHistory()).filter((h) => h.name === m.name);
        expect(row).toMatchObject({ status: 'applied', direction: 'up', stepsApplied: row?.stepsTotal, error: null });
        await engine.down(m);
        expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
        expect((await engine.getHistory()).some((h) => h.name === m.name)).toBe(false);
      });
    }

    // The same ops as a user writes them with the builder, without `previous`: the engine must read
    // the definition from the database before any change, and down must restore it exactly.
    for (const c of cases.filter((x) => x.name.includes('with previous') || x.name.startsWith('modifyField'))) {
      it(`${c.name}, built without previous: read from the database`, async (ctx) => {
        if (c.needs && !kit.adapter.capabilities[c.needs]) return ctx.skip();
        if (kit.target.declaredRefusals?.includes(c.name)) return ctx.skip(); // refused, and that is checked above
        const { table, ref, before } = await setup();
        const op = withoutPrevious(c.op(table, ref, before));
        const m = build(c.name.replace(/\W+/g, '_'), op);
        const engine = kit.engine();
        await engine.up(m);
        const [row] = (await engine.getHistory()).filter((h) => h.name === m.name);
        expect(row).toMatchObject({ status: 'applied', stepsApplied: row?.stepsTotal });
        expect(row?.stepsTotal).toBeGreaterThan(0);
        expect((row?.migration.up[0] as { previous?: unknown } | undefined)?.previous, 'the history row keeps the definition read before the change').toBeDefined();
        expect(comparable(await kit.snapshot(op.type === 'dropCollection' ? op.name : table))).not.toEqual(comparable(before));
        await engine.down(m);
        expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
        expect((await engine.getHistory()).some((h) => h.name === m.name)).toBe(false);
      });
    }

    it('createCollection of every portable type, then down', async () => {
      const table = unique('types');
      const types = (withUnique: boolean) =>
        migration(unique('create_types'))
          .createCollection(
            table,
            [
              { name: 'id', type: 'uuid', primaryKey: true, default: { $fn: 'uuid' } },
              { name: 'i', type: 'integer', required: true, default: 0 },
              { name: 'b', type: 'bigint' },
              { name: 's', type: 'smallint' },
              { name: 'f', type: 'float' },
              { name: 'd', type: 'double' },
              { name: 'dec', type: 'decimal', precision: 10, scale: 2, default: 1.5 },
              { name: 'str', type: 'string', length: 255, unique: withUnique },
              { name: 'txt', type: 'text', default: "it's" },
              { name: 'flag', type: 'boolean', default: true },
              { name: 'day', type: 'date' },
              { name: 'tm', type: 'time' },
              { name: 'dt', type: 'datetime', default: { $fn: 'now' } },
              { name: 'ts', type: 'timestamp' },
              { name: 'meta', type: 'json', default: { a: [1, 'x'] } },
              { name: 'kind', type: 'enum', enumValues: ['a', 'b'] },
              { name: 'tags', type: 'array', itemType: 'string' },
              { name: 'bin', type: 'binary' },
            ],
            { timestamps: true },
          )
          .build();
      // A database that cannot enforce uniqueness refuses it before IO; the types are checked without it.
      const m = types(!expectDeclaredRefusal(kit, 'unique fields', types(true)));
      await kit.apply(m);
      const created = await kit.snapshot(table);
      expect(created?.fields.map((f) => f.name).sort()).toEqual(
        ['b', 'bin', 'created_at', 'd', 'day', 'dec', 'dt', 'f', 'flag', 'i', 'id', 'kind', 'meta', 'updated_at', 's', 'str', 'tags', 'tm', 'ts', 'txt'].sort(),
      );
      // The introspected definition recreates the same table: drop it and restore it from the snapshot.
      const drop = build('drop_types', { type: 'dropCollection', name: table, previous: created });
      await kit.engine().up(drop);
      expect(await kit.snapshot(table)).toBeUndefined();
      await kit.engine().down(drop);
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(created));
      await kit.engine().down(m);
      expect(await kit.snapshot(table)).toBeUndefined();
    });

    it('check constraint and partial index, when claimed', async (ctx) => {
      const caps = kit.adapter.capabilities;
      const check = caps.checkConstraints ? kit.target.checkExpression : undefined;
      const where = caps.partialIndexes ? kit.target.partialIndexWhere : undefined;
      if (check === undefined && where === undefined) return ctx.skip();
      const { table, before } = await setup();
      const ops: Operation[] = [];
      if (check !== undefined) ops.push({ type: 'addConstraint', collection: table, constraint: { name: `${table}_ck`, type: 'check', expression: check } });
      if (where !== undefined) ops.push({ type: 'createIndex', collection: table, name: `${table}_px`, fields: [{ name: 'n' }], where });
      const m = build('check_partial', ...ops);
      await kit.engine().up(m);
      const during = await kit.snapshot(table);
      if (check !== undefined) expect(during?.constraints?.some((c) => c.name === `${table}_ck`)).toBe(true);
      if (where !== undefined) expect(during?.indexes?.find((i) => i.name === `${table}_px`)?.where).toBeDefined();
      // Dropping them with the introspected definitions restores them exactly.
      const drops: Operation[] = [];
      if (check !== undefined) drops.push({ type: 'dropConstraint', collection: table, name: `${table}_ck`, previous: during?.constraints?.find((c) => c.name === `${table}_ck`) });
      if (where !== undefined) drops.push({ type: 'dropIndex', collection: table, name: `${table}_px`, previous: during?.indexes?.find((i) => i.name === `${table}_px`) });
      const dm = build('drop_check_partial', ...drops);
      await kit.engine().up(dm);
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
      await kit.engine().down(dm);
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(during));
      await kit.engine().down(m);
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
    });

    it('raw operation with its down, when the target gives one', async (ctx) => {
      const raw = kit.target.raw;
      if (!raw) return ctx.skip();
      const { table, before } = await setup();
      const m = build('raw', { type: 'raw', dialect: raw.dialect, sql: raw.up(table), down: { sql: raw.down(table) } });
      await kit.engine().up(m);
      expect(comparable(await kit.snapshot(table))).not.toEqual(comparable(before));
      await kit.engine().down(m);
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(before));
    });
  });
}
