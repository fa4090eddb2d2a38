import { requireServer } from '@ductape/services/require-server';
import { DynamoAdapter } from '../../src/dynamo-adapter.js';
import type { DynamoAdapterOptions } from '../../src/dynamo-settings.js';

/** The DynamoDB Local endpoint, or undefined (skip) outside CI when it is not running. */
export const endpoint: string | undefined = requireServer('dynamo');

let counter = 0;

/** A table prefix no other run or test uses, so runs never see each other's tables. */
export function uniquePrefix(label = 't'): string {
  return `dt_${label}_${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
}

/**
 * An adapter on DynamoDB Local with short polls, its own prefix (hence its own history table).
 * @example const adapter = makeAdapter(uniquePrefix('spec'));
 */
export function makeAdapter(tablePrefix: string, options: DynamoAdapterOptions = {}): DynamoAdapter {
  return new DynamoAdapter(
    { endpoint: endpoint ?? 'http://127.0.0.1:8000', region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
    { tablePrefix, pollIntervalMs: 100, waitTimeoutMs: 30_000, ...options },
  );
}

/** Deletes every table whose name starts with `prefix` (test cleanup). */
export async function dropTables(adapter: DynamoAdapter, prefix: string): Promise<void> {
  let start: string | undefined;
  const names: string[] = [];
  do {
    const out = await adapter.driver.send('ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...((out.TableNames as string[] | undefined) ?? []));
    start = out.LastEvaluatedTableName as string | undefined;
  } while (start);
  for (const name of names.filter((n) => n.startsWith(prefix))) await adapter.driver.send('DeleteTable', { TableName: name }).catch(() => undefined);
}
