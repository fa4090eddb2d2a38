import type { CommandStep } from '@ductape/core';
import type { CommandArgs, WaitFor } from '../compile/step.js';
import { type DynamoDriver, isAws } from '../dynamo-driver.js';
import type { DynamoSettings } from '../dynamo-settings.js';
import { type KeyTypeLookup, resolveKeyTypes } from './resolve-types.js';
import { sendWhenAllowed } from './send-when-allowed.js';
import { waitFor } from './wait.js';

type Input = { readonly [key: string]: unknown };

/**
 * Sends the step's command, then waits for its effect. Resumable: when the command's effect is
 * already under way or done (a resumed step whose wait timed out), it only waits again.
 * @example await runCommand(driver, step, settings)
 */
export async function runCommand(driver: DynamoDriver, step: CommandStep, settings: DynamoSettings, keyType: KeyTypeLookup): Promise<void> {
  const args = step.args as unknown as CommandArgs;
  const typed = { ...args, input: await resolveKeyTypes(args, keyType) };
  const input = args.throughputFromTable ? await withTableThroughput(driver, typed.input, args.indexThroughput) : typed.input;
  // AWS refuses an UpdateTable while the table or one of its indexes is still changing. A step a
  // dead runner started (and a resumed run counted as applied once it saw its effect) may still be.
  if (step.name === 'UpdateTable' && args.wait && (await driver.describe(args.wait.table))) await waitFor(driver, { table: args.wait.table, until: 'ACTIVE' }, settings);
  try {
    await sendWhenAllowed(driver, step.name, input, settings);
  } catch (error) {
    if (!args.wait || !(await alreadyUnderWay(driver, step.name, input, args.wait, error))) throw error;
  }
  if (args.wait) await waitFor(driver, args.wait, settings);
}

/** True when a failed command's effect is already happening or done, so waiting is enough. */
async function alreadyUnderWay(driver: DynamoDriver, name: string, input: Input, wait: WaitFor, error: unknown): Promise<boolean> {
  if (!isAws(error, 'ResourceInUseException') && !isAws(error, 'ValidationException') && !isAws(error, 'ResourceNotFoundException')) return false;
  const table = await driver.describe(wait.table);
  if (!('index' in wait)) {
    if (name === 'CreateTable') return table?.TableStatus === 'CREATING';
    if (name === 'DeleteTable') return table?.TableStatus === 'DELETING';
    return false;
  }
  const gsi = table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === wait.index);
  // Only a change still under way is taken as this step's own (re-sent after its wait timed out).
  // A GSI already ACTIVE, or already missing, was not made or removed by this step: the step
  // fails instead of adopting it, so its down never drops an index the migration did not create
  // (issue 16, defect 3). A resumed run finds a finished step by its effect (introspection).
  if (wait.until === 'DELETED') return gsi?.IndexStatus === 'DELETING';
  const wanted = JSON.stringify(createOf(input)?.KeySchema);
  return gsi !== undefined && gsi.IndexStatus === 'CREATING' && JSON.stringify(gsi.KeySchema) === wanted;
}

/** A GSI created on a PROVISIONED table needs throughput: `own` (the index's recorded one), else the table's, unless the input gave one. */
async function withTableThroughput(driver: DynamoDriver, input: Input, own: CommandArgs['indexThroughput']): Promise<Input> {
  const create = createOf(input);
  if (!create || create.ProvisionedThroughput) return input;
  const table = await driver.describe(String(input.TableName));
  const t = table?.ProvisionedThroughput;
  const provisioned = table?.BillingModeSummary?.BillingMode === 'PROVISIONED' || (!table?.BillingModeSummary && (t?.ReadCapacityUnits ?? 0) > 0);
  if (!provisioned || !t) return input;
  const throughput = own ?? { ReadCapacityUnits: t.ReadCapacityUnits, WriteCapacityUnits: t.WriteCapacityUnits };
  return { ...input, GlobalSecondaryIndexUpdates: [{ Create: { ...create, ProvisionedThroughput: throughput } }] };
}

function createOf(input: Input): { KeySchema?: unknown; ProvisionedThroughput?: unknown } | undefined {
  const updates = input.GlobalSecondaryIndexUpdates;
  return Array.isArray(updates) ? (updates[0] as { Create?: { KeySchema?: unknown } } | undefined)?.Create : undefined;
}
