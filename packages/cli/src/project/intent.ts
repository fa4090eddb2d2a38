import type { Migration, SchemaApi } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';

/** Each `db.schema` method `--from-intent` takes, with the position of its options argument. */
const OPTIONS_AT: { readonly [method: string]: number } = {
  create: 2,
  addField: 3,
  dropField: 2,
  renameField: 3,
  modifyField: 3,
  createIndex: 2,
  dropIndex: 2,
  addConstraint: 2,
  dropConstraint: 2,
  rename: 2,
  drop: 1,
};

/** A `db.schema` call as data: the method and its arguments. */
export interface Intent {
  readonly method: string;
  readonly args: readonly unknown[];
}

const EXAMPLE = `ductape new add_phone --from-intent '{"addField":["users","phone",{"type":"string","length":20}]}'`;

/**
 * Reads `--from-intent`: a JSON object with one key, a `db.schema` method, whose value is the
 * list of its arguments (`{"addField": ["users", "phone", "string"]}`). Usage errors otherwise.
 * @example parseIntent('{"drop": ["sessions"]}') // { method: 'drop', args: ['sessions'] }
 */
export function parseIntent(text: string): Intent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`new: --from-intent is not JSON (${(error as Error).message})`, `run \`${EXAMPLE}\``);
  }
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const method = keys[0];
  if (keys.length !== 1 || method === undefined) throw usageError('new: --from-intent takes one object with one key, a db.schema method', `run \`${EXAMPLE}\``);
  const at = OPTIONS_AT[method];
  if (at === undefined) throw usageError(`new: --from-intent: "${method}" is not a db.schema method (${Object.keys(OPTIONS_AT).join(', ')})`, `run \`${EXAMPLE}\``);
  const raw = (value as Record<string, unknown>)[method];
  const args = Array.isArray(raw) ? raw : [raw];
  if (args.length > at + 1) throw usageError(`new: --from-intent: ${method} takes at most ${at + 1} arguments, got ${args.length}`, `run \`${EXAMPLE}\``);
  return { method, args };
}

/**
 * Runs the intent with `{ apply: false }`: the migration `db.schema` would apply, built against
 * the live schema (read only), nothing changed or recorded.
 * @example const m = await buildIntent(db.schema, parseIntent(text));
 */
export async function buildFromIntent(schema: SchemaApi, intent: Intent): Promise<Migration> {
  const at = OPTIONS_AT[intent.method] as number;
  const args = [...intent.args];
  while (args.length < at) args.push(undefined);
  const given = args[at];
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw usageError(`new: --from-intent: the options of ${intent.method} (argument ${at + 1}) must be an object`, `run \`${EXAMPLE}\``);
  }
  args[at] = { ...(given as object | undefined), apply: false };
  const call = (schema as unknown as Record<string, (...a: unknown[]) => Promise<{ migration: Migration }>>)[intent.method];
  return (await (call as (...a: unknown[]) => Promise<{ migration: Migration }>).apply(schema, args)).migration;
}
