import { type CommandStep, type RawOp, ValidationError } from '@ductape/core';
import { DYNAMO_COMMANDS, type DynamoCommandName, type WaitFor, commandStep } from './step.js';

/**
 * raw('dynamodb', { command: 'CreateTable', input: {...} }) → that command, with the wait its
 * effect needs (table ACTIVE or gone, GSI ACTIVE or gone); raw('dynamodb', 'UPDATE … ') → a
 * PartiQL ExecuteStatement. Names are used as given (no table prefix). A down is compiled the same
 * way: core reads `{ down: { command, input } }` (or PartiQL text) in the statement's own shape.
 * @example compileRaw({ type: 'raw', dialect: 'dynamodb', command: { command: 'DeleteTable', input: { TableName: 'old' } } })
 */
export function compileRaw(op: RawOp): CommandStep[] {
  if (op.sql !== undefined) return [commandStep('ExecuteStatement', { Statement: op.sql }, `ExecuteStatement ${op.sql.slice(0, 60)}`)];
  const cmd = op.command ?? {};
  const name = cmd.command;
  if (typeof name !== 'string' || !(DYNAMO_COMMANDS as readonly string[]).includes(name)) {
    throw invalidRaw('command', `command must be one of ${DYNAMO_COMMANDS.join(', ')}, got ${JSON.stringify(name)}`);
  }
  const input = cmd.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalidRaw('command.input', 'input must be the command\'s input object, e.g. { TableName: "users", … }');
  const unknown = Object.keys(cmd).filter((k) => k !== 'command' && k !== 'input');
  if (unknown.length > 0) throw invalidRaw(`command.${unknown[0]}`, `unknown key ${JSON.stringify(unknown[0])}; a raw DynamoDB command is { command, input }`);
  const args = input as Record<string, unknown>;
  const table = typeof args.TableName === 'string' ? args.TableName : '';
  return [commandStep(name as DynamoCommandName, args, `${name} ${table}`.trim(), waitOf(name, args, table))];
}

function waitOf(name: string, input: Record<string, unknown>, table: string): WaitFor | undefined {
  if (name === 'CreateTable') return { table, until: 'ACTIVE' };
  if (name === 'DeleteTable') return { table, until: 'DELETED' };
  if (name !== 'UpdateTable') return undefined;
  const updates = Array.isArray(input.GlobalSecondaryIndexUpdates) ? (input.GlobalSecondaryIndexUpdates as Record<string, { IndexName?: unknown } | undefined>[]) : [];
  const first = updates[0];
  const create = first?.Create?.IndexName;
  if (typeof create === 'string') return { table, index: create, until: 'ACTIVE' };
  const drop = first?.Delete?.IndexName;
  if (typeof drop === 'string') return { table, index: drop, until: 'DELETED' };
  return { table, until: 'ACTIVE' };
}

function invalidRaw(path: string, message: string): ValidationError {
  return new ValidationError('raw dynamodb operation', [{ code: 'invalid_raw_command', path, message }]);
}
