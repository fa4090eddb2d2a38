import type { HistoryEntry, HistoryRow, HistoryStore } from '@ductape/core';
import { type DynamoDriver, isAws } from './dynamo-driver.js';
import { waitFor } from './execute/wait.js';
import type { DynamoSettings } from './dynamo-settings.js';
import { type HistoryItem, ROW_ATTRIBUTES, SEQUENCE_ITEM, fromItem, rowFromItem, toAttributes } from './history-item.js';

/** Above this many names, `read` scans the table once instead of one GetItem per name. */
const GETS = 25;

/**
 * History in a DynamoDB table (`_ductape_migrations`, key `name`), one item per migration with
 * the migration JSON as a string attribute. `seq`, taken from a counter item when a row is first
 * written, keeps `list()` in first-recorded order. The lock item lives in the same table.
 * @example const h = new DynamoHistoryStore(driver, '_ductape_migrations', settings); await h.ensure();
 */
export class DynamoHistoryStore implements HistoryStore {
  constructor(
    private readonly driver: DynamoDriver,
    readonly table: string,
    private readonly settings: DynamoSettings,
  ) {}

  async ensure(): Promise<void> {
    const existing = await this.driver.describe(this.table);
    if (existing?.TableStatus === 'ACTIVE') return;
    if (!existing) {
      try {
        await this.driver.send('CreateTable', {
          TableName: this.table,
          AttributeDefinitions: [{ AttributeName: 'name', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'name', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        });
      } catch (error) {
        if (!isAws(error, 'ResourceInUseException')) throw error; // another runner created it
      }
    }
    await waitFor(this.driver, { table: this.table, until: 'ACTIVE' }, this.settings);
  }

  async list(): Promise<HistoryEntry[]> {
    const rows: { seq: number; entry: HistoryEntry }[] = [];
    let start: unknown;
    do {
      const page = await this.#scan(start);
      if (!page) return []; // no history table yet: nothing recorded
      for (const item of (page.Items as HistoryItem[] | undefined) ?? []) {
        if (item.migration?.S !== undefined) rows.push({ seq: Number(item.seq?.N ?? 0), entry: fromItem(item) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.entry);
  }

  /**
   * Every row without its migration attribute (a projection: fewer bytes sent and parsed; a Scan
   * consumes the same read capacity either way, DynamoDB counting whole items). The filter keeps
   * migration items only, as list() does.
   */
  async listRows(): Promise<HistoryRow[]> {
    const names = Object.fromEntries(ROW_ATTRIBUTES.map((a, i) => [`#p${i}`, a]));
    const projection = {
      ProjectionExpression: Object.keys(names).join(', '),
      FilterExpression: 'attribute_exists(#body)',
      ExpressionAttributeNames: { ...names, '#body': 'migration' },
    };
    const rows: { seq: number; row: HistoryRow }[] = [];
    let start: unknown;
    do {
      const page = await this.#scan(start, projection);
      if (!page) return [];
      for (const item of (page.Items as HistoryItem[] | undefined) ?? []) rows.push({ seq: Number(item.seq?.N ?? 0), row: rowFromItem(item) });
      start = page.LastEvaluatedKey;
    } while (start);
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.row);
  }

  /** The full rows of `names`: one consistent GetItem each (in parallel), or one scan for more than 25. */
  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    if (names.length === 0) return [];
    if (names.length > GETS) {
      const wanted = new Set(names);
      return (await this.list()).filter((e) => wanted.has(e.name));
    }
    const items = await Promise.all(names.map((name) => this.#get(name)));
    return items.filter((item): item is HistoryItem => item?.migration?.S !== undefined).map(fromItem);
  }

  async #get(name: string): Promise<HistoryItem | undefined> {
    try {
      const out = await this.driver.send('GetItem', { TableName: this.table, Key: { name: { S: name } }, ConsistentRead: true });
      return out.Item as HistoryItem | undefined;
    } catch (error) {
      if (isAws(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  }

  async #scan(start: unknown, projection?: { [key: string]: unknown }): Promise<{ Items?: unknown; LastEvaluatedKey?: unknown } | undefined> {
    try {
      return await this.driver.send('Scan', { TableName: this.table, ConsistentRead: true, ...projection, ...(start ? { ExclusiveStartKey: start } : {}) });
    } catch (error) {
      if (isAws(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  }

  async save(entry: HistoryEntry): Promise<void> {
    // Most saves update an existing row (running → applied): one call. A new row takes a sequence number first.
    try {
      await this.#write(entry, 'attribute_exists(#name)');
    } catch (error) {
      if (!isAws(error, 'ConditionalCheckFailedException')) throw error;
      await this.#write(entry, undefined, await this.#nextSeq());
    }
  }

  async remove(name: string): Promise<void> {
    await this.driver.send('DeleteItem', { TableName: this.table, Key: { name: { S: name } } });
  }

  async #write(entry: HistoryEntry, condition: string | undefined, seq?: number): Promise<void> {
    const attributes = toAttributes(entry);
    const names: Record<string, string> = { '#name': 'name' };
    const values: Record<string, unknown> = {};
    const sets = Object.entries(attributes).map(([key, value], i) => {
      names[`#a${i}`] = key;
      values[`:v${i}`] = value;
      return `#a${i} = :v${i}`;
    });
    if (seq !== undefined) {
      names['#seq'] = 'seq';
      values[':seq'] = { N: String(seq) };
      sets.push('#seq = if_not_exists(#seq, :seq)');
    }
    await this.driver.send('UpdateItem', {
      TableName: this.table,
      Key: { name: { S: entry.name } },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: condition ? names : withoutKey(names, '#name'),
      ExpressionAttributeValues: values,
      ...(condition ? { ConditionExpression: condition } : {}),
    });
  }

  async #nextSeq(): Promise<number> {
    const out = await this.driver.send('UpdateItem', {
      TableName: this.table,
      Key: { name: { S: SEQUENCE_ITEM } },
      UpdateExpression: 'ADD #n :one',
      ExpressionAttributeNames: { '#n': 'value' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'UPDATED_NEW',
    });
    return Number((out.Attributes as HistoryItem | undefined)?.value?.N ?? 0);
  }
}

function withoutKey(map: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _drop, ...rest } = map;
  return rest;
}
