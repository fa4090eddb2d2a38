import type { CommandStep } from '@ductape/core';
import type { AttributeValue } from './marshal.js';
import { scanUpdateStep } from './step.js';

const FULL_SCAN = 'reads every item of the table once (Scan), then';

/**
 * Writes `value` to every item that lacks `attribute` (a backfill), in resumable, throttled batches.
 * @example backfillStep('users', 'status', { S: 'active' })
 */
export function backfillStep(table: string, attribute: string, value: AttributeValue): CommandStep {
  return scanUpdateStep(
    {
      TableName: table,
      filter: 'attribute_not_exists(#a)',
      update: 'SET #a = :v',
      condition: 'attribute_not_exists(#a)',
      names: { '#a': attribute },
      values: { ':v': value },
      cost: `${FULL_SCAN} one UpdateItem per item without ${attribute}`,
    },
    `backfill ${table}.${attribute} with its default`,
  );
}

/**
 * Moves `from` to `to` in every item (copy and remove in one UpdateItem), in resumable batches.
 * Items that already hold `to` are left alone and reported, so no value is overwritten.
 * @example renameStep('users', 'name', 'full_name', 'users')
 */
export function renameStep(table: string, from: string, to: string, collection: string): CommandStep {
  return scanUpdateStep(
    {
      TableName: table,
      filter: 'attribute_exists(#from)',
      update: 'SET #to = #from REMOVE #from',
      condition: 'attribute_exists(#from) AND attribute_not_exists(#to)',
      names: { '#from': from, '#to': to },
      conflict: `items hold both ${from} and ${to}`,
      cost: `${FULL_SCAN} one UpdateItem per item holding ${from}`,
      rename: { collection, from, to },
    },
    `rename ${table}.${from} to ${to} in every item`,
  );
}

/**
 * Removes `attribute` from every item that has it, in resumable batches.
 * @example removeStep('users', 'legacy', 'users')
 */
export function removeStep(table: string, attribute: string, collection: string): CommandStep {
  return scanUpdateStep(
    {
      TableName: table,
      filter: 'attribute_exists(#a)',
      update: 'REMOVE #a',
      condition: 'attribute_exists(#a)',
      names: { '#a': attribute },
      cost: `${FULL_SCAN} one UpdateItem per item holding ${attribute}`,
      drop: { collection, field: attribute },
    },
    `remove ${table}.${attribute} from every item`,
  );
}
