import type { Adapter } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';

/** An adapter as the CLI may see it: the sdk's proxy (`target`) or the adapter itself. */
interface Inspectable extends Adapter {
  readonly target?: Adapter;
  readonly schema?: unknown;
  query?(text: string, params?: readonly unknown[]): Promise<unknown>;
}

/**
 * Releases a lock held by someone else, the way the adapter's lock store allows, and says what
 * it did. The core LockStore contract has no forced release, so: an optional
 * `lock.forceRelease()` when an adapter offers it; PostgreSQL's lease row (PGlite) is deleted;
 * PostgreSQL's advisory lock (a server session lock) is released by ending the holder's session.
 * @example await forceRelease(t.adapter, 'ci-7 pid 42 (server pid 4242)') // 'ended the holding session (server pid 4242)'
 */
export async function forceRelease(adapter: Adapter, heldBy: string | undefined): Promise<string> {
  const a = ((adapter as Inspectable).target ?? adapter) as Inspectable;
  const lock = a.lock as Adapter['lock'] & { forceRelease?: () => Promise<void> };
  if (typeof lock.forceRelease === 'function') {
    await lock.forceRelease();
    return 'released through the lock store';
  }
  if (a.name === 'postgres' && typeof a.query === 'function' && typeof a.schema === 'string') {
    if (lock.constructor.name === 'PostgresLeaseLock') {
      await a.query(`DELETE FROM ${quote(a.schema)}."_ductape_lock"`);
      return 'deleted the lease row';
    }
    const pid = /server pid (\d+)/.exec(heldBy ?? '')?.[1];
    if (pid) {
      await a.query('SELECT pg_terminate_backend($1::int)', [Number(pid)]);
      return `ended the holding session (server pid ${pid}); the server released its advisory lock`;
    }
  }
  throw new CliError('DUCTAPE_UNLOCK_UNSUPPORTED', `the ${a.name} adapter offers no way to release another holder's lock`, 'its lease expires by itself when the holder stops renewing it; wait for that, or stop the holder');
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
