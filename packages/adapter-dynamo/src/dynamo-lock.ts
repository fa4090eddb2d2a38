import type { AcquireResult, LockHandle, LockOwner, LockStore } from '@ductape/core';
import { type DynamoDriver, isAws } from './dynamo-driver.js';
import { LOCK_ITEM } from './history-item.js';

type Attr = { S?: string; N?: string };

/**
 * The migration lock: one item in the history table, taken with a conditional write (absent,
 * released or lease expired), renewed and released with writes conditional on owner and token.
 * `token` only ever grows (the item is never deleted), so it is a fencing token. Leases are
 * measured with the runners' clocks, so keep them in sync (NTP) and leases well above skew.
 * @example const r = await lock.tryAcquire({ id: 'run-1', description: 'ci pid 7' }, 30_000);
 */
export class DynamoLockStore implements LockStore {
  constructor(
    private readonly driver: DynamoDriver,
    private readonly table: string,
    /** Creates the table when missing (the history store's ensure). */
    private readonly ensure: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    try {
      return await this.#acquire(owner, leaseMs);
    } catch (error) {
      if (!isAws(error, 'ResourceNotFoundException')) throw error;
      await this.ensure();
      return this.#acquire(owner, leaseMs);
    }
  }

  async #acquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    const now = this.now();
    try {
      const out = await this.driver.send('UpdateItem', {
        ...this.#key(),
        UpdateExpression: 'SET #owner = :owner, #desc = :desc, #exp = :exp ADD #token :one',
        ConditionExpression: 'attribute_not_exists(#owner) OR #exp < :now OR #owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner', '#desc': 'description', '#exp': 'expiresAt', '#token': 'token' },
        ExpressionAttributeValues: { ':owner': { S: owner.id }, ':desc': { S: owner.description }, ':exp': { N: String(now + leaseMs) }, ':now': { N: String(now) }, ':one': { N: '1' } },
        ReturnValues: 'ALL_NEW',
      });
      const token = Number((out.Attributes as Record<string, Attr> | undefined)?.token?.N ?? 0);
      return { acquired: true, handle: { owner, token } };
    } catch (error) {
      if (!isAws(error, 'ConditionalCheckFailedException')) throw error;
      return { acquired: false, heldBy: await this.#holder(false) };
    }
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    return this.#conditional(handle, 'SET #exp = :exp', { ':exp': { N: String(this.now() + leaseMs) } });
  }

  async release(handle: LockHandle): Promise<void> {
    await this.#conditional(handle, 'SET #exp = :exp REMOVE #owner, #desc', { ':exp': { N: '0' } });
  }

  /** Who holds the lock now, or undefined when it is free or its lease expired (`ductape unlock`). */
  async holder(): Promise<string | undefined> {
    try {
      return await this.#holder(true);
    } catch (error) {
      if (isAws(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  }

  /** Frees the lock whoever holds it (`ductape unlock --yes`). The token stays, so the old holder's renew fails. */
  async forceRelease(): Promise<void> {
    try {
      await this.driver.send('UpdateItem', {
        ...this.#key(),
        UpdateExpression: 'SET #exp = :zero REMOVE #owner, #desc',
        ConditionExpression: 'attribute_exists(#owner)',
        ExpressionAttributeNames: { '#exp': 'expiresAt', '#owner': 'owner', '#desc': 'description' },
        ExpressionAttributeValues: { ':zero': { N: '0' } },
      });
    } catch (error) {
      if (!isAws(error, 'ConditionalCheckFailedException') && !isAws(error, 'ResourceNotFoundException')) throw error;
    }
  }

  /** An update that applies only while `handle` still holds the lock; false when it does not. */
  async #conditional(handle: LockHandle, update: string, values: Record<string, Attr>): Promise<boolean> {
    try {
      await this.driver.send('UpdateItem', {
        ...this.#key(),
        UpdateExpression: update,
        ConditionExpression: '#owner = :owner AND #token = :token',
        ExpressionAttributeNames: { '#owner': 'owner', '#token': 'token', '#exp': 'expiresAt', ...(update.includes('#desc') ? { '#desc': 'description' } : {}) },
        ExpressionAttributeValues: { ...values, ':owner': { S: handle.owner.id }, ':token': { N: String(handle.token) } },
      });
      return true;
    } catch (error) {
      if (isAws(error, 'ConditionalCheckFailedException')) return false;
      throw error;
    }
  }

  async #holder(liveOnly: boolean): Promise<string | undefined> {
    const out = await this.driver.send('GetItem', { ...this.#key(), ConsistentRead: true });
    const item = out.Item as Record<string, Attr> | undefined;
    if (!item?.description?.S) return undefined;
    if (liveOnly && Number(item.expiresAt?.N ?? 0) < this.now()) return undefined;
    return `${item.description.S} (lease until ${new Date(Number(item.expiresAt?.N ?? 0)).toISOString()})`;
  }

  #key() {
    return { TableName: this.table, Key: { name: { S: LOCK_ITEM } } };
  }
}
