import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';
import { describeProperty, expectedProperty } from '../../src/round-trip/catalog/mongo-property.mjs';
import { interpret } from '../../src/round-trip/interpret.mjs';
import { placeOf, profileOf } from '../../src/round-trip/profile.mjs';
import { diffCatalog, expectedCatalog } from '../../src/round-trip/project.mjs';
import { CAPS, PLACE } from '../support/capabilities.mjs';

function histories(key, seeds) {
  const profile = { ...profileOf(key, CAPS[key]), place: placeOf(PLACE[key]) };
  const out = [];
  for (const h of fc.sample(historyArbitrary({ maxMigrations: 12 }), { seed: seeds, numRuns: 40 })) out.push(interpret(profile, h, 'n'));
  return { profile, out };
}

describe('roundTrip on MongoDB, DynamoDB and Cassandra', () => {
  it('writes rows there too, within what each store holds', () => {
    for (const key of ['mongo', 'dynamo', 'cassandra']) {
      const { out } = histories(key, 4);
      const rows = out.flatMap((r) => r.migrations.flatMap((m) => m.write.flatMap((w) => w.rows.map((row) => ({ row, fields: w.model.fields })))));
      expect(rows.length, key).toBeGreaterThan(20);
      for (const { row, fields } of rows) {
        expect(row.id, key).not.toBeNull();
        for (const f of fields) {
          const v = row[f.name];
          if (key === 'dynamo') {
            expect(v, `${key} ${f.name}`).not.toBe('');
            if (typeof v === 'number') expect(Math.abs(v)).toBeLessThanOrEqual(1e125);
          }
          if (key === 'mongo' && f.type === 'decimal') expect(v ?? null, f.name).toBeNull();
        }
      }
    }
  });

  it('draws raw ops on Cassandra (ALTER TABLE ADD in the keyspace) and DynamoDB (a GSI with the table prefix), modelled as addField / createIndex', () => {
    const c = histories('cassandra', 9).out.flatMap((r) => r.migrations.flatMap((m) => m.ops.filter((o) => o.type === 'raw')));
    expect(c.length).toBeGreaterThan(0);
    for (const op of c) {
      expect(op.sql).toMatch(/^ALTER TABLE "ductape_rel_x1"\."[^"]+" ADD "raw_[nx][^"]*" int$/);
      expect(op.down.sql).toMatch(/^ALTER TABLE "ductape_rel_x1"\."[^"]+" DROP "raw_/);
      expect(op.model.type).toBe('addField');
    }
    const d = histories('dynamo', 9).out.flatMap((r) => r.migrations.flatMap((m) => m.ops.filter((o) => o.type === 'raw')));
    expect(d.length).toBeGreaterThan(0);
    for (const op of d) {
      expect(op.command.command).toBe('UpdateTable');
      expect(op.command.input.TableName).toBe(`rel_x1_${op.model.collection}`);
      expect(op.command.input.GlobalSecondaryIndexUpdates[0].Create.IndexName).toBe(op.model.name);
      expect(op.down.command.input.GlobalSecondaryIndexUpdates[0].Delete.IndexName).toBe(op.model.name);
      expect(op.model.type).toBe('createIndex');
    }
  });

  it('draws DynamoDB GSIs on at most two fields and never on a boolean', () => {
    const { out } = histories('dynamo', 13);
    let indexes = 0;
    for (const r of out)
      for (const m of r.migrations) {
        const model = m.expected;
        for (const op of m.ops.filter((o) => o.type === 'createIndex')) {
          indexes++;
          expect(op.fields.length).toBeLessThanOrEqual(2);
        }
        for (const t of Object.values(model.tables)) for (const i of t.indexes) for (const x of i.fields) expect(t.fields.find((f) => f.name === x.name)?.type).not.toBe('boolean');
      }
    expect(indexes).toBeGreaterThan(0);
  });

  it('expects the catalog of each store at column level, and a difference is reported', () => {
    const table = {
      name: 'items',
      fields: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'string', length: 20, default: 'x' },
        { name: 'n', type: 'smallint', required: true },
      ],
      indexes: [{ name: 'items_ix', fields: [{ name: 'code' }] }],
      constraints: [],
      rows: [],
    };
    const model = { tables: { items: table } };
    const mongo = expectedCatalog(profileOf('mongo', CAPS.mongo), model).items;
    expect(mongo.columns.code).toEqual({ nullable: true, type: 'bsonType ["string","null"] maxLength 20 description default: "x"' });
    expect(mongo.columns.n).toEqual({ nullable: false, type: 'bsonType "int" range -32768..32767' });
    expect(Object.keys(mongo.indexes).sort()).toEqual(['items_ix', 'items_pkey']);
    const dynamo = expectedCatalog(profileOf('dynamo', CAPS.dynamo), model).items;
    expect(dynamo.columns).toEqual({ id: { nullable: false, type: 'N HASH' }, code: { nullable: false, type: 'S' } });
    expect(dynamo.indexes).toEqual({ items_ix: { columns: ['code'], projection: 'ALL' } });
    const cassandra = expectedCatalog(profileOf('cassandra', CAPS.cassandra), model).items;
    expect(cassandra.columns.id.type).toBe('int partition_key');
    expect(cassandra.columns.n.type).toBe('smallint regular');
    const read = structuredClone({ items: cassandra });
    read.items.columns.n.type = 'int regular';
    expect(diffCatalog({ items: cassandra }, read)).toEqual(['items.n: type in model smallint regular, in catalog int regular']);
  });

  it('describes a validator property the way the adapter writes it (its README type table)', () => {
    expect(describeProperty(expectedProperty({ name: 'b', type: 'bigint' }))).toBe('bsonType ["int","long","null"]');
    expect(describeProperty(expectedProperty({ name: 'e', type: 'enum', enumValues: ['a'], required: true }))).toBe('bsonType "string" enum ["a"]');
    expect(describeProperty({ bsonType: 'int', extra: 1 })).toBe('bsonType "int" other extra');
  });
});
