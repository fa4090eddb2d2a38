import { FIELD_TYPES, type FieldDefinition } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { applyPatch, collectionSchema, fieldFromProperty, mergeValidator, propertySchema } from '../../src/index.js';

describe('type mapping round trip and validator patches', () => {
  it('every field type (nullable or not) introspects back to a field that compiles to the same property', () => {
    for (const type of FIELD_TYPES) {
      for (const required of [true, false]) {
        const f: FieldDefinition = {
          name: 'f',
          type,
          required,
          ...(type === 'enum' ? { enumValues: ['a', 'b'] } : {}),
          ...(type === 'array' ? { itemType: 'integer' } : {}),
          ...(type === 'string' ? { length: 9 } : {}),
          ...(type === 'native' ? { native: 'objectId' } : {}),
        };
        const p = propertySchema(f);
        expect(propertySchema(fieldFromProperty('f', p, required)), `${type} required=${required}`).toEqual(p);
      }
    }
    // Issue 16 defect 8: what no portable type compiles to reads back as native, exactly.
    expect(fieldFromProperty('x', { bsonType: 'objectId' }, false)).toEqual({ name: 'x', type: 'native', native: 'objectId' });
    expect(fieldFromProperty('x', { bsonType: 'long' }, true)).toEqual({ name: 'x', type: 'native', native: 'long', required: true });
    expect(fieldFromProperty('x', { bsonType: ['string', 'int', 'null'] }, false)).toEqual({ name: 'x', type: 'native', native: 'int, string' });
    expect(fieldFromProperty('x', { enum: ['a', 1] }, false)).toEqual({ name: 'x', type: 'native', native: 'any' });
    expect(propertySchema({ type: 'native', native: 'any' })).toEqual({});
    expect(() => propertySchema({ type: 'native', native: 'varchar' })).toThrow(/bsonType/);
  });

  it('merging a validator with the schema of its own fields gives it back', () => {
    const v = mergeValidator(collectionSchema([{ name: 'a', type: 'string', required: true }]), {
      $jsonSchema: { additionalProperties: false, properties: { b: { bsonType: 'int', minimum: 3 } } },
      $expr: { $gt: ['$b', 0] },
    });
    expect(v).toEqual({
      // The user's $jsonSchema has no top-level bsonType, so none is added.
      $jsonSchema: { required: ['a'], properties: { b: { bsonType: 'int', minimum: 3 }, a: { bsonType: 'string' } }, additionalProperties: false },
      $expr: { $gt: ['$b', 0] },
    });
    const s = v.$jsonSchema as { properties: Record<string, Record<string, unknown>>; required: string[] };
    const fields = Object.entries(s.properties).map(([n, p]) => fieldFromProperty(n, p, s.required.includes(n)));
    expect(mergeValidator(collectionSchema(fields), v)).toEqual(v);
  });

  it('applyPatch adds, modifies (keeping user keywords), renames and drops; an emptied schema removes validation', () => {
    let v = applyPatch(undefined, { kind: 'addField', field: { name: 'phone', type: 'string', length: 20 } });
    expect(v).toEqual({ $jsonSchema: { bsonType: 'object', properties: { phone: { bsonType: ['string', 'null'], maxLength: 20 } } } });
    v = applyPatch(
      { $jsonSchema: { bsonType: 'object', properties: { ...(v.$jsonSchema as { properties: object }).properties, n: { bsonType: 'int', description: 'kept' } } }, $comment: 'x' },
      { kind: 'modifyField', field: 'n', changes: { type: 'bigint', required: true } },
    );
    expect(v).toEqual({
      $jsonSchema: { bsonType: 'object', required: ['n'], properties: { phone: { bsonType: ['string', 'null'], maxLength: 20 }, n: { description: 'kept', bsonType: ['int', 'long'] } } },
      $comment: 'x',
    });
    v = applyPatch(v, { kind: 'modifyField', field: 'phone', changes: { length: null, required: true } });
    expect((v.$jsonSchema as { required: string[] }).required).toEqual(['n', 'phone']);
    v = applyPatch(v, { kind: 'renameField', from: 'phone', to: 'mobile' });
    expect(v.$jsonSchema).toEqual({ bsonType: 'object', required: ['n', 'mobile'], properties: { mobile: { bsonType: 'string' }, n: { description: 'kept', bsonType: ['int', 'long'] } } });
    v = applyPatch(applyPatch(v, { kind: 'dropField', field: 'mobile' }), { kind: 'dropField', field: 'n' });
    expect(v).toEqual({ $comment: 'x' });
    expect(applyPatch({ $jsonSchema: { bsonType: 'object', properties: { a: { bsonType: 'int' } } } }, { kind: 'dropField', field: 'a' })).toEqual({});
    expect(() => applyPatch(undefined, { kind: 'modifyField', field: 'ghost', changes: { length: 3 } })).toThrow(/declared in the validator/);
  });
});
