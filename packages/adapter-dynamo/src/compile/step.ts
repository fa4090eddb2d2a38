import type { CommandStep } from '@ductape/core';

/** What an executed command waits for before its step counts as applied. */
export type WaitFor = { readonly table: string; readonly until: 'ACTIVE' | 'DELETED' } | { readonly table: string; readonly index: string; readonly until: 'ACTIVE' | 'DELETED' };

/** The DynamoDB API commands a compiled or raw step may name (sent as `<name>Command`). */
export const DYNAMO_COMMANDS = [
  'CreateTable',
  'UpdateTable',
  'DeleteTable',
  'UpdateTimeToLive',
  'DescribeTable',
  'UpdateContinuousBackups',
  'TagResource',
  'UntagResource',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
] as const;

export type DynamoCommandName = (typeof DYNAMO_COMMANDS)[number];

/**
 * The table setting a step sets (alterCollectionOptions, a createCollection's point-in-time
 * recovery). When run, a setting already so sends nothing (a resumed step), tags go to the
 * table's ARN, and TTL and encryption changes are waited for (they are asynchronous on AWS).
 */
export type SettingTarget =
  | { readonly kind: 'ttl'; readonly attribute: string; readonly enabled: boolean }
  | { readonly kind: 'stream'; readonly enabled: boolean; readonly viewType?: string }
  | { readonly kind: 'sse'; readonly enabled: boolean; readonly kmsKeyId?: string }
  | { readonly kind: 'pointInTimeRecovery'; readonly enabled: boolean }
  | { readonly kind: 'deletionProtection'; readonly enabled: boolean }
  /** `gsisFromTable`: GSIs the input does not name get the table's new capacities (a switch to PROVISIONED needs them). */
  | { readonly kind: 'billing'; readonly mode: 'PAY_PER_REQUEST' | 'PROVISIONED'; readonly read?: number; readonly write?: number; readonly gsisFromTable?: boolean }
  | { readonly kind: 'tags' };

/** Arguments of a step that sends one DynamoDB command (and maybe waits). */
export interface CommandArgs {
  readonly input: { readonly [key: string]: unknown };
  readonly wait?: WaitFor;
  /** UpdateTable creating a GSI: copy the table's provisioned throughput when it is PROVISIONED. */
  readonly throughputFromTable?: boolean;
  /** With throughputFromTable: the GSI's own capacities (a recreated index's), used instead of the table's. */
  readonly indexThroughput?: { readonly ReadCapacityUnits: number; readonly WriteCapacityUnits: number };
  /** A table setting (see SettingTarget): run by execute/run-setting.ts. */
  readonly setting?: SettingTarget;
  /** Why a step does no DDL (e.g. addField only checks that the table exists). */
  readonly reason?: string;
  /**
   * Key attributes whose type the migration does not declare (compiled as S): when run, their
   * type is taken from the table's attribute definitions or the recorded field definitions.
   */
  readonly resolveTypes?: {
    readonly collection: string;
    readonly attributes: readonly string[];
    /** An attribute renamed earlier in the migration: the name its type is recorded under. */
    readonly sources?: { readonly [attribute: string]: string };
  };
}

/**
 * Arguments of a `ScanAndUpdate` step: scan the table (keys only) for items matching `filter`
 * and apply `update` to each with `condition`. Idempotent, so an interrupted step resumes by
 * running again: items already done no longer match the filter.
 */
export interface ScanUpdateArgs {
  readonly TableName: string;
  readonly filter: string;
  readonly update: string;
  readonly condition: string;
  readonly names: { readonly [placeholder: string]: string };
  readonly values?: { readonly [placeholder: string]: unknown };
  /** Items that fail `condition` for another reason than being done already (e.g. rename target exists). */
  readonly conflict?: string;
  /** The declared cost of the step, for plans. */
  readonly cost: string;
  /** A renameField's step: which field it moves (preflight and compile refuse renaming a key attribute). */
  readonly rename?: { readonly collection: string; readonly from: string; readonly to: string };
  /** A dropField's step: which field it removes (preflight and compile refuse dropping a key attribute). */
  readonly drop?: { readonly collection: string; readonly field: string };
}

/** The name of the batch step (ours, not an AWS API command). */
export const SCAN_AND_UPDATE = 'ScanAndUpdate';

/**
 * A step that sends one DynamoDB command.
 * @example commandStep('DeleteTable', { TableName: 'users' }, 'DeleteTable users', { table: 'users', until: 'DELETED' })
 */
export function commandStep(name: DynamoCommandName, input: CommandArgs['input'], summary: string, wait?: WaitFor, extra?: Omit<CommandArgs, 'input' | 'wait'>): CommandStep {
  const args: CommandArgs = { input, ...(wait ? { wait } : {}), ...extra };
  const summaryText = wait ? `${summary}, wait until ${waitLabel(wait)}` : summary;
  // Not `resumable`: a resumed run may trust a GSI step's effect, because introspection answers
  // only once the table and its indexes are settled (ACTIVE or gone), so an index still building
  // is waited for, not counted. Re-sending it would fail on an index already ACTIVE (run-command.ts).
  return { kind: 'command', name, args: args as unknown as CommandStep['args'], summary: summaryText };
}

/**
 * A resumable batch step over every item of a table.
 * @example scanUpdateStep({ TableName: 'users', filter: 'attribute_exists(#a)', update: 'REMOVE #a', condition: 'attribute_exists(#a)', names: { '#a': 'age' }, cost: '…' }, 'remove age')
 */
export function scanUpdateStep(args: ScanUpdateArgs, summary: string): CommandStep {
  return { kind: 'command', name: SCAN_AND_UPDATE, args: args as unknown as CommandStep['args'], summary: `${summary} (${args.cost})` };
}

function waitLabel(wait: WaitFor): string {
  const what = 'index' in wait ? `index ${wait.index}` : `table ${wait.table}`;
  return `${what} is ${wait.until}`;
}
