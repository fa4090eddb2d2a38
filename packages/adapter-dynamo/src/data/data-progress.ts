import { createHash } from 'node:crypto';
import { canonicalJson } from '@ductape/core';
import { type DynamoDriver, isAws } from '../dynamo-driver.js';
import { decodeStartKey, encodeStartKey } from './start-key.js';

type Attr = { S?: string; N?: string };

/** Where a data migration resumes: the Scan position after the last finished page, and rows so far. */
export interface Position {
  readonly startKey: { readonly [attribute: string]: unknown } | undefined;
  readonly rows: number;
  /** Items read so far (the unit of progress events on DynamoDB); 0 in a progress item written before it was kept. */
  readonly scanned?: number;
}

/**
 * The progress of one data migration, kept as an item (`_data_<sha256 of the update>`) in the
 * history table and deleted when it completes, so an interrupted `db.update` resumes after the
 * last finished page instead of starting over. The position is kept exactly (encodeStartKey: a
 * binary key as its bytes, number keys as their text).
 * @example const p = new DataProgress(driver, '_ductape_migrations', ensure, { table, set, where }); await p.load();
 */
export class DataProgress {
  readonly #key: { name: { S: string } };

  constructor(
    private readonly driver: DynamoDriver,
    private readonly table: string,
    private readonly ensure: () => Promise<void>,
    update: unknown,
  ) {
    this.#key = { name: { S: `_data_${createHash('sha256').update(canonicalJson(update)).digest('hex')}` } };
  }

  async load(): Promise<Position> {
    try {
      return await this.#read();
    } catch (error) {
      if (!isAws(error, 'ResourceNotFoundException')) throw error;
      await this.ensure();
      return { startKey: undefined, rows: 0, scanned: 0 };
    }
  }

  /** The saved position without creating the history table (a dry run changes nothing). */
  async peek(): Promise<Position> {
    try {
      return await this.#read();
    } catch (error) {
      if (!isAws(error, 'ResourceNotFoundException')) throw error;
      return { startKey: undefined, rows: 0, scanned: 0 };
    }
  }

  async #read(): Promise<Position> {
    const item = (await this.driver.send('GetItem', { TableName: this.table, Key: this.#key, ConsistentRead: true })).Item as Record<string, Attr> | undefined;
    return { startKey: item?.startKey?.S ? decodeStartKey(item.startKey.S) : undefined, rows: Number(item?.rows?.N ?? 0), scanned: Number(item?.scanned?.N ?? 0) };
  }

  async save(p: Position): Promise<void> {
    const startKey = p.startKey ? { startKey: { S: encodeStartKey(p.startKey) } } : {};
    const scanned = p.scanned !== undefined ? { scanned: { N: String(p.scanned) } } : {};
    await this.driver.send('PutItem', { TableName: this.table, Item: { ...this.#key, rows: { N: String(p.rows) }, ...scanned, ...startKey } });
  }

  async clear(): Promise<void> {
    await this.driver.send('DeleteItem', { TableName: this.table, Key: this.#key });
  }
}
