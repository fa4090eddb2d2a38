import { randomUUID } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { MongoAdapter, type MongoAdapterOptions } from '../../src/index.js';

/** A database name no other run uses. */
export function uniqueDatabase(prefix = 'ductape_mongo'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/** Warnings logged by 'warn'-policy steps, for assertions. */
export class CapturedLog {
  readonly warnings: string[] = [];
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/**
 * An adapter on `database` with command monitoring on; `commands` collects every command the
 * driver sends (the real driver talking to the real server: nothing is mocked).
 */
export function monitoredAdapter(url: string, database: string, options: Partial<MongoAdapterOptions> = {}): { adapter: MongoAdapter; commands: CommandStartedEvent[] } {
  const adapter = new MongoAdapter({ url, database, clientOptions: { monitorCommands: true }, ...options });
  const commands: CommandStartedEvent[] = [];
  adapter.driver.client.on('commandStarted', (e) => commands.push(e));
  return { adapter, commands };
}

/** The commands named `name` among those captured, without the driver's session fields. */
export function sent(commands: readonly CommandStartedEvent[], name: string): Record<string, unknown>[] {
  return commands
    .filter((c) => c.commandName === name)
    .map((c) => {
      const { lsid: _l, $db: _d, $clusterTime: _c, txnNumber: _t, ...rest } = c.command as Record<string, unknown>;
      return rest;
    });
}
