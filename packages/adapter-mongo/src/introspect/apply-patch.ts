import { applyChanges, isNotNull, type FieldDefinition, InvalidArgumentError } from '@ductape/core';
import { DEFAULT_PREFIX, GENERATED_KEYWORDS, propertySchema } from '../compile/property-schema.js';
import type { Doc } from '../compile/step.js';
import type { ValidatorPatch } from '../compile/validator-patch.js';
import { fieldFromProperty } from './field-from-property.js';

type Schema = { bsonType?: unknown; required?: string[]; properties?: Record<string, Doc>; [key: string]: unknown };

/**
 * A validator with `patch` applied to its `$jsonSchema` (created when missing). Other keys of
 * the validator and of each property are kept. A schema left with no properties and nothing
 * else gives `{}` (no validation). Pure; the execute step reads the validator, calls this, and
 * sends collMod.
 * @example applyPatch({ $jsonSchema: { bsonType: 'object', properties: { a: { bsonType: 'int' } } } }, { kind: 'dropField', field: 'a' }) // {}
 */
export function applyPatch(validator: Doc | undefined, patch: ValidatorPatch): Doc {
  const { $jsonSchema, ...rest } = (validator ?? {}) as { $jsonSchema?: Schema };
  const schema: Schema = { bsonType: 'object', ...structuredClone($jsonSchema ?? {}) };
  let props: [string, Doc][] = Object.entries(schema.properties ?? {});
  let required = [...(schema.required ?? [])];
  const setField = (f: FieldDefinition, keep: Doc = {}) => {
    const kept = Object.fromEntries(Object.entries(keep).filter(([k, v]) => !GENERATED_KEYWORDS.includes(k) && !(k === 'description' && String(v).startsWith(DEFAULT_PREFIX))));
    const prop = { ...kept, ...propertySchema(f) };
    props = props.some(([k]) => k === f.name) ? props.map(([k, v]) => [k, k === f.name ? prop : v]) : [...props, [f.name, prop]];
    required = required.filter((r) => r !== f.name);
    if (isNotNull(f)) required.push(f.name);
  };
  switch (patch.kind) {
    case 'addField':
      setField(patch.field);
      break;
    case 'dropField':
      props = props.filter(([k]) => k !== patch.field);
      required = required.filter((r) => r !== patch.field);
      break;
    case 'renameField':
      props = props.map(([k, v]) => [k === patch.from ? patch.to : k, v]);
      required = required.map((r) => (r === patch.from ? patch.to : r));
      break;
    case 'modifyField': {
      const current = props.find(([k]) => k === patch.field)?.[1];
      // The definition the op recorded (core reads it before the change) over the live property:
      // MongoDB keeps one string type, so a text property has lost the length a down restores.
      const base = patch.previous ?? (current ? fieldFromProperty(patch.field, current, required.includes(patch.field)) : undefined);
      if (!base && !patch.changes.type) throw new InvalidArgumentError(`modifyField "${patch.field}"`, 'a field declared in the validator, or changes with a type', patch.changes);
      setField(applyChanges(base ?? { name: patch.field, type: patch.changes.type as FieldDefinition['type'] }, patch.changes), current);
      break;
    }
  }
  const { required: _r, properties: _p, ...others } = schema;
  const next: Schema = { ...others, ...(required.length > 0 ? { required } : {}), properties: Object.fromEntries(props) };
  const empty = props.length === 0 && required.length === 0 && Object.keys(others).every((k) => k === 'bsonType') && others.bsonType === 'object';
  if (empty) return { ...rest };
  return { $jsonSchema: next, ...rest };
}
