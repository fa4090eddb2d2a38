import { type FieldDefinition, type Operation, applyChanges, fieldDialect } from '@ductape/sdk';
import type { LintRule, RuleFinding } from './lint-types.js';
import type { SchemaModel } from './schema-model.js';

/** The raw dialect names each of our adapters runs (its capabilities' rawDialects). */
const RAW_DIALECTS: { readonly [adapter: string]: readonly string[] } = {
  postgres: ['postgresql'],
  mysql: ['mysql'],
  mariadb: ['mariadb', 'mysql'],
  mongo: ['mongodb'],
  dynamo: ['dynamodb'],
  cassandra: ['cassandra'],
};

/** The fields an op writes, as they will be (a modifyField's with its changes applied to what the files or `previous` say). */
function writtenFields(op: Operation, schema: SchemaModel): FieldDefinition[] {
  if (op.type === 'createCollection') return [...op.fields];
  if (op.type === 'addField') return [op.field];
  if (op.type === 'modifyField') {
    const before = op.previous ?? schema.get(op.collection)?.fields.get(op.field);
    return [before ? applyChanges(before, op.changes) : ({ name: op.field, ...op.changes } as FieldDefinition)];
  }
  return [];
}

/**
 * A field bound to another database than the target's: a native type declared for another dialect
 * (`{ native: 'set<text>', dialect: 'cassandra' }` on PostgreSQL), a PostgreSQL type (citext,
 * inet, cidr, macaddr, tsvector) or a generated column elsewhere. `up` refuses it before any IO;
 * lint says so without a database. Runs when the target's dialect is known.
 */
export const nativeDialectRule: LintRule = {
  id: 'native-dialect',
  description: "a native type, PostgreSQL type or generated column the target's database does not run (refused before any IO)",
  check: ({ op, schema, dialect }) => {
    const runs = dialect === undefined ? undefined : RAW_DIALECTS[dialect];
    if (!runs) return [];
    const findings: RuleFinding[] = [];
    for (const f of writtenFields(op, schema)) {
      const bound = fieldDialect(f);
      if (bound === undefined || runs.includes(bound)) continue;
      const what =
        f.type === 'native'
          ? `native type ${JSON.stringify(f.native)} declared for ${bound}`
          : f.generatedAs !== undefined
            ? `a generated column (${bound} SQL)`
            : `the ${bound} type ${f.type === 'array' ? `${f.itemType}[]` : f.type}`;
      findings.push({
        severity: 'error',
        message: `field "${f.name}" has ${what}, and the target runs ${dialect} (${runs.join(', ')}): up refuses it before any change`,
        hint: `give it a ${dialect} type (a portable type, or { type: 'native', native: '<type>', dialect: '${runs[0]}' }), or run this migration against ${bound}`,
      });
    }
    return findings;
  },
};

/**
 * A modifyField of the values of a PostgreSQL enum type (`enumType`): added values are ALTER TYPE
 * … ADD VALUE, each committed on its own before the rest of the migration (a later failure leaves
 * them; the down removes them by rebuilding the type); a removed or moved value rebuilds the type,
 * rewriting every table that uses it under an exclusive lock, and fails on rows holding a removed value.
 */
export const enumTypeChangeRule: LintRule = {
  id: 'enum-type-change',
  description: 'changing the values of a PostgreSQL enum type (ADD VALUE commits on its own; removing a value rewrites every table using the type)',
  dialects: ['postgres'],
  check: ({ op, schema }) => {
    if (op.type !== 'modifyField' || op.changes.enumValues === undefined || op.changes.enumValues === null) return [];
    const before = op.previous ?? schema.get(op.collection)?.fields.get(op.field);
    const type = op.changes.enumType ?? before?.enumType;
    if (!before?.enumValues || !type || (op.changes.enumType !== undefined && op.changes.enumType !== before.enumType)) return [];
    const prev = before.enumValues;
    const next = op.changes.enumValues;
    const kept = next.filter((v) => prev.includes(v));
    const where = `enum type "${type}" of "${op.collection}.${op.field}"`;
    if (kept.length === prev.length && kept.every((v, i) => v === prev[i])) {
      return [
        {
          severity: 'warning',
          message: `adds ${next.filter((v) => !prev.includes(v)).join(', ')} to ${where} with ALTER TYPE … ADD VALUE, committed on its own before the rest of the migration`,
          hint: 'a later failure leaves the values in place (a rerun skips them: IF NOT EXISTS); the down removes them by rebuilding the type',
        },
      ];
    }
    return [
      {
        severity: 'warning',
        message: `removes or reorders values of ${where}: the type is rebuilt, rewriting every table that uses it under an exclusive lock`,
        hint: 'update rows holding a removed value first (the rebuild fails on them), and run it when the tables can be locked',
      },
    ];
  },
};
