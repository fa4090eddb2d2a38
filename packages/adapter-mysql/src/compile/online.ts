import { type CompileContext, type Operation, createdEarlier, droppedLater } from '@ductape/core';
import { type AlterAttempt, type MysqlStatementStep, type StepExtra, sql } from './step.js';

/**
 * The online strategy of an ALTER: 'instant' tries INSTANT, then INPLACE with LOCK=NONE, then
 * COPY; 'inplace' starts at INPLACE; 'shared' (FULLTEXT/SPATIAL indexes) is INPLACE with
 * LOCK=SHARED, then COPY; 'require' is INPLACE with LOCK=NONE or fail; 'plain' adds no clause.
 */
export type OnlineMode = 'instant' | 'inplace' | 'shared' | 'require' | 'plain';

const CHAINS: { readonly [M in OnlineMode]: readonly { algorithm: string; blocksWrites: boolean }[] } = {
  instant: [
    { algorithm: 'INSTANT', blocksWrites: false },
    { algorithm: 'INPLACE, LOCK=NONE', blocksWrites: false },
    { algorithm: 'COPY', blocksWrites: true },
  ],
  inplace: [
    { algorithm: 'INPLACE, LOCK=NONE', blocksWrites: false },
    { algorithm: 'COPY', blocksWrites: true },
  ],
  shared: [
    { algorithm: 'INPLACE, LOCK=SHARED', blocksWrites: true },
    { algorithm: 'COPY', blocksWrites: true },
  ],
  require: [{ algorithm: 'INPLACE, LOCK=NONE', blocksWrites: false }],
  plain: [],
};

/**
 * One `ALTER TABLE` step with its clauses and, unless `mode` is 'plain', the ALGORITHM chain.
 * @example alter('`users`', ['ADD COLUMN `phone` VARCHAR(20) NULL'], 'instant', 'add column')
 * // { text: 'ALTER TABLE `users` ADD COLUMN `phone` VARCHAR(20) NULL, ALGORITHM=INSTANT', fallbacks: [INPLACE…, COPY…] }
 */
export function alter(table: string, clauses: readonly string[], mode: OnlineMode, summary: string, extra: StepExtra = {}): MysqlStatementStep {
  const base = `ALTER TABLE ${table} ${clauses.join(', ')}`;
  const chain = CHAINS[mode];
  const [first, ...rest] = chain.map((a): AlterAttempt => ({ text: `${base}, ALGORITHM=${a.algorithm}`, algorithm: a.algorithm, blocksWrites: a.blocksWrites }));
  if (!first) return sql(base, summary, { ...extra, lockRetry: true });
  return sql(first.text, summary, { ...extra, fallbacks: rest, lockRetry: true });
}

/**
 * The mode for an ALTER of `table`: 'plain' when the run disables online DDL (`{ online: false }`)
 * or the migration created the table earlier (it is new and empty) or drops it later, else `preferred`.
 */
export function onlineMode(ctx: CompileContext, op: Operation, table: string, preferred: OnlineMode): OnlineMode {
  if (ctx.options.online === false) return 'plain';
  return createdEarlier(ctx, op, table) || droppedLater(ctx, op, table) ? 'plain' : preferred;
}
