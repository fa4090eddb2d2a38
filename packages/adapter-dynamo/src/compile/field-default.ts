import type { DefaultValue, Step } from '@ductape/core';
import { marshalDefault } from './marshal.js';
import { backfillStep } from './scan-update.js';
import { commandStep } from './step.js';

const SCHEMALESS = 'DynamoDB declares only key and index attributes; other attributes need no DDL';

/**
 * A field's steps when it needs no DDL: the table check, or with a literal default a backfill of the items that lack it.
 * @example withDefault('app_users', 'plan', 'S', 'free', 'addField users.plan')
 */
export function withDefault(table: string, attribute: string, type: string, value: DefaultValue | undefined, summary: string): Step[] {
  if (value === undefined || value === null) return [tableCheck(table, SCHEMALESS, summary)];
  if (typeof value === 'object' && !Array.isArray(value) && '$fn' in value) {
    return [tableCheck(table, `${SCHEMALESS}; a ${String(value.$fn)}() default is computed by the application on write, not backfilled`, summary)];
  }
  return [backfillStep(table, attribute, marshalDefault(value, type))];
}

/** The table check: it only reads, so running it again (a runner killed before recording it) is safe: `resumable`. */
function tableCheck(table: string, reason: string, summary: string): Step {
  return { ...commandStep('DescribeTable', { TableName: table }, `${summary}: no DDL on DynamoDB (${reason}); DescribeTable ${table} checks that it exists`, undefined, { reason }), resumable: true };
}
