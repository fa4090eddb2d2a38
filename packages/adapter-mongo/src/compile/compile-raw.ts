import { type RawOp, type Step, UnsupportedOperationError, ValidationError } from '@ductape/core';
import { BSON } from 'mongodb';
import { type Doc, commandStep } from './step.js';

/** Raw dialect names the Mongo adapter runs. */
export const MONGO_RAW_DIALECTS: readonly string[] = ['mongodb'];

/**
 * raw('mongodb', command) → the command document, sent as is with `db.command`. A string is
 * read as the command in (Extended) JSON, e.g. `'{"collMod":"users","validationLevel":"moderate"}'`.
 * @example compileRaw({ type: 'raw', dialect: 'mongodb', command: { collMod: 'users', validationLevel: 'moderate' } })
 */
export function compileRaw(op: RawOp): Step[] {
  if (!MONGO_RAW_DIALECTS.includes(op.dialect)) throw new UnsupportedOperationError('mongo', `a raw "${op.dialect}" operation`, 'it runs raw operations for mongodb');
  const cmd = op.command ?? (typeof op.sql === 'string' ? parse(op.sql) : undefined);
  if (!cmd || typeof cmd !== 'object' || Array.isArray(cmd) || Object.keys(cmd).length === 0) {
    throw new ValidationError('raw mongodb operation', [
      { code: 'raw_needs_command', path: 'command', message: 'a raw mongodb operation is a command document (or its JSON text), e.g. { collMod: "users", validationLevel: "moderate" }' },
    ]);
  }
  return [commandStep(cmd, `raw mongodb: ${Object.keys(cmd)[0]}`)];
}

function parse(text: string): Doc | undefined {
  try {
    return BSON.EJSON.parse(text, { relaxed: true }) as Doc;
  } catch {
    return undefined;
  }
}
