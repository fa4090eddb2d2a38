import { randomUUID } from 'node:crypto';
import { type Adapter, ErrorCodes } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';
import { CLI_OWNER } from './open-target.js';

/** The optional parts of core's LockStore that `unlock` uses (holder, forceRelease). */
type InspectableLock = Adapter['lock'] & {
  holder?(): Promise<string | undefined>;
  forceRelease?(): Promise<void>;
};

/**
 * Who holds the migration lock: the lock store's `holder()` when it has one, else a single
 * `tryAcquire` (given back at once when it succeeds). `locked: false` means free.
 * @example const { locked, holder } = await lockHolder(t.adapter);
 */
export async function lockHolder(adapter: Adapter): Promise<{ locked: boolean; holder: string | undefined }> {
  const lock = adapter.lock as InspectableLock;
  if (typeof lock.holder === 'function') {
    const holder = await lock.holder();
    return { locked: holder !== undefined, holder };
  }
  const r = await lock.tryAcquire({ id: randomUUID(), description: `${CLI_OWNER} (unlock probe)` }, 5_000);
  if (!r.acquired) return { locked: true, holder: r.heldBy };
  await lock.release(r.handle);
  return { locked: false, holder: undefined };
}

/**
 * Releases a lock held by someone else through the lock store's optional `forceRelease()`
 * (PostgreSQL: deletes the PGlite lease row, or ends the server session holding the advisory
 * lock; MySQL/MariaDB: KILL CONNECTION of the GET_LOCK holder; lease stores: deletes the lease).
 * @example await forceRelease(t.adapter);
 */
export async function forceRelease(adapter: Adapter): Promise<void> {
  const lock = adapter.lock as InspectableLock;
  if (typeof lock.forceRelease !== 'function') {
    throw new CliError(
      ErrorCodes.unlockUnsupported,
      `the ${adapter.name} adapter cannot release another holder's lock`,
      'its lease expires by itself once the holder stops renewing it; wait for that, or stop the holder',
    );
  }
  await lock.forceRelease();
}
