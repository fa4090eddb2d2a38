import type { Adapter, CompileContext, Migration, Operation } from '@ductape/sdk';
import type { LintRule, RuleFinding } from './lint-types.js';
import type { SchemaModel } from './schema-model.js';

/** The ops that build an index key on MySQL/MariaDB (an index, a unique or primary key). */
const BUILDS_KEY = new Set<Operation['type']>(['createIndex', 'createCollection', 'addField', 'modifyField', 'addConstraint']);

/**
 * An index key InnoDB cannot hold as written (MySQL and MariaDB): over 3072 bytes (a column of
 * utf8mb4 takes 4 bytes a character, so `varchar(1000)` is 4000), or a TEXT/BLOB column without a
 * prefix length. MySQL refuses such an index (errors 1071, 1170); MariaDB builds a different one
 * without an error — it cuts the key to a prefix and only adds a note (1071) — so the adapter
 * refuses it before the statement runs. The check is the adapter's own compile-time check
 * (IndexKeyTooLongError), run here against the columns the migration files define (earlier files
 * included), so lint finds what `up` would refuse without a database. A MariaDB unique index that
 * is too long is allowed (MariaDB makes it a hash "long unique" key).
 */
export const indexKeyLengthRule: LintRule = {
  id: 'index-key-length',
  description: 'an index key MySQL/MariaDB cannot hold as written (over 3072 bytes, TEXT/BLOB without a prefix)',
  dialects: ['mysql', 'mariadb'],
  needsAdapter: true,
  check: ({ op, index, migration, schema, adapter }) => {
    if (!adapter || !BUILDS_KEY.has(op.type)) return [];
    const refusal = keyRefusal(adapter, op, index, migration, schema);
    if (!refusal) return [];
    const server =
      adapter.name === 'mariadb' ? 'MariaDB would not refuse it but silently index only a prefix (note 1071), so `up` refuses it before the statement runs' : 'MySQL refuses it (error 1071 or 1170)';
    const fix =
      refusal.suggestedLength === undefined
        ? `leave column "${refusal.column}" out of the index`
        : `index a prefix of the column: { name: '${refusal.column}', length: ${refusal.suggestedLength} } (the longest that fits), or make the column shorter`;
    return [{ severity: 'error', message: `${refusal.message}; ${server}`, hint: fix } satisfies RuleFinding];
  },
};

interface KeyRefusal {
  readonly message: string;
  readonly column: string;
  readonly suggestedLength: number | undefined;
}

/** The adapter's IndexKeyTooLongError for `op`, compiled as if the known tables were created just before it. */
function keyRefusal(adapter: Adapter, op: Operation, index: number, migration: Migration, schema: SchemaModel): KeyRefusal | undefined {
  const known: Operation[] = schema.all().map((c) => ({ type: 'createCollection', name: c.name, fields: [...c.fields.values()], ...(c.options ? { options: c.options } : {}) }));
  const withPrevious = op.type === 'modifyField' && !op.previous ? withFieldPrevious(op, schema) : op;
  const up = [...known, ...migration.up.slice(0, index), withPrevious];
  const ctx: CompileContext = { migration: { ...migration, up }, direction: 'up', index: up.length - 1, options: {} };
  try {
    adapter.compile(withPrevious, ctx);
    return undefined;
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; hint?: unknown; column?: unknown; index?: unknown; suggestedLength?: unknown };
    // Only the key check: any other refusal of the compiler is `plan`'s to show.
    if (e?.code !== 'DUCTAPE_VALIDATION' || typeof e.column !== 'string' || typeof e.index !== 'string' || !('suggestedLength' in e)) return undefined;
    const message = typeof e.hint === 'string' ? String(e.message).split(` — ${e.hint}`).join('') : String(e.message);
    return { message, column: e.column, suggestedLength: typeof e.suggestedLength === 'number' ? e.suggestedLength : undefined };
  }
}

function withFieldPrevious(op: Extract<Operation, { type: 'modifyField' }>, schema: SchemaModel): Operation {
  const previous = schema.get(op.collection)?.fields.get(op.field);
  return previous ? { ...op, previous } : op;
}
