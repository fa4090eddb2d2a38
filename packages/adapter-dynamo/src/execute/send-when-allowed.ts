import { setTimeout as sleep } from 'node:timers/promises';
import { type DynamoDriver, isAws } from '../dynamo-driver.js';
import type { DynamoSettings } from '../dynamo-settings.js';

type Input = { readonly [key: string]: unknown };

/** The longest pause between two tries of a command DynamoDB refused for its concurrency limits. */
const MAX_PAUSE_MS = 5_000;

/**
 * Sends a table command; while DynamoDB refuses it with LimitExceededException (too many table or
 * index operations under way in the account, e.g. other runners building GSIs) it tries again
 * with a growing pause, up to `waitTimeoutMs`, then throws the last refusal. The refusal is made
 * before any change, so trying again is safe. Each pause is reported through `onEvent`.
 * @example const out = await sendWhenAllowed(driver, 'UpdateTable', input, settings)
 */
export async function sendWhenAllowed(driver: DynamoDriver, name: string, input: Input, settings: DynamoSettings): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await driver.send(name, input);
    } catch (error) {
      const elapsedMs = Date.now() - started;
      if (!isAws(error, 'LimitExceededException') || elapsedMs >= settings.waitTimeoutMs) throw error;
      settings.onEvent?.({ type: 'limit', table: String(input.TableName ?? ''), command: name, attempt, elapsedMs });
      const pause = Math.min(settings.pollIntervalMs * 2 ** (attempt - 1), MAX_PAUSE_MS, Math.max(1, settings.waitTimeoutMs - elapsedMs));
      await sleep(pause);
    }
  }
}
