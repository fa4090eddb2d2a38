import type { StepOutcome } from '@ductape/core';
import type { Queryable } from './postgres-driver.js';

/** What a notice from `pg` or PGlite carries that we say (both give NoticeMessage-like objects). */
export interface NoticeLike {
  readonly severity?: string;
  readonly code?: string;
  readonly message?: string;
}

/**
 * One line for a server notice or warning, e.g. `NOTICE 42P07: relation "t" already exists, skipping`.
 * @example noticeLine({ severity: 'WARNING', code: '01000', message: 'careful' }) // 'WARNING 01000: careful'
 */
export function noticeLine(n: NoticeLike): string {
  return `${n.severity ?? 'NOTICE'}${n.code ? ` ${n.code}` : ''}: ${n.message ?? ''}`;
}

/** Something that emits `notice` events (a `pg` client). */
interface NoticeEmitter {
  on(event: 'notice', listener: (n: NoticeLike) => void): unknown;
  off(event: 'notice', listener: (n: NoticeLike) => void): unknown;
}

/** The notices gathered on one connection while it is lent: `take` returns and forgets them. */
export interface NoticeCollector {
  readonly take: () => readonly string[];
  readonly push: (n: NoticeLike) => void;
  /** Stops listening (a `pg` client going back to its pool). */
  readonly stop: () => void;
}

/**
 * Gathers the notices and warnings the server sends on `client` (a `pg` client) from now until
 * `stop`, for the adapter's execute to return with the step that raised them.
 * @example const notices = collectNotices(client); try { … notices.take() … } finally { notices.stop(); }
 */
export function collectNotices(client?: NoticeEmitter): NoticeCollector {
  let lines: string[] = [];
  const push = (n: NoticeLike): void => void lines.push(noticeLine(n));
  client?.on('notice', push);
  return {
    take: () => {
      const taken = lines;
      lines = [];
      return taken;
    },
    push,
    stop: () => void client?.off('notice', push),
  };
}

/**
 * `q` with `takeNotices` from `notices` (the same object for a transaction, so its beforeCommit stays).
 * @example const db = withNotices(tx.queryable, notices); await db.query('…'); db.takeNotices?.()
 */
export function withNotices<Q extends Queryable>(q: Q, notices: NoticeCollector): Q {
  return Object.assign(q, { takeNotices: notices.take });
}

/**
 * What execute resolves to for the notices `lines` of a step: `{ warnings }`, or undefined when none.
 * @example stepOutcome(['WARNING 01000: careful']) // { warnings: ['WARNING 01000: careful'] }
 */
export function stepOutcome(lines: readonly string[]): StepOutcome | undefined {
  return lines.length > 0 ? { warnings: lines } : undefined;
}
