import { DuctapeError, ErrorCodes } from '@ductape/core';

/**
 * A runner holding the cluster lease lock was about to run a step or write history, but the lease
 * row no longer carries its fencing token: another runner took over after the lease expired.
 * Nothing was written. Code DUCTAPE_LOCK_LOST.
 * @example throw new LeaseFencedError(7, 'write history of "add_users"', 'token 8, held by deploy-43');
 */
export class LeaseFencedError extends DuctapeError {
  constructor(
    readonly token: number,
    what: string,
    now: string,
  ) {
    super(
      ErrorCodes.lockLost,
      `lost the migration lock (cluster lease, fencing token ${token}) before it could ${what}; the lease row now says: ${now}`,
      'another runner took over after the lease expired (this runner was frozen, slow or cut off from the cluster); nothing more was written by this one — check status, then run up again (raise leaseMs if steps are slow)',
    );
  }
}
