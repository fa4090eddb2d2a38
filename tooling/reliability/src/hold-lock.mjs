import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Takes the migration lock through the adapter's LockStore and keeps it, renewing the lease every
 * third of it as the engine's guard does, until the process ends (or `maxMs` passes).
 * @example await holdLock(adapter, { id: 'x', description: 'holder' }, 3000, () => console.log('holding'));
 * @param {import('@ductape/core').Adapter} adapter
 * @param {import('@ductape/core').LockOwner} owner
 * @param {number} leaseMs
 * @param {() => void} onHolding
 * @param {number} [maxMs]
 * @param {() => boolean} [stop] checked between renewals; true releases the lock and returns
 */
export async function holdLock(adapter, owner, leaseMs, onHolding, maxMs = 300_000, stop = () => false) {
  await adapter.history.ensure();
  const started = Date.now();
  let handle;
  while (!handle) {
    const r = await adapter.lock.tryAcquire(owner, leaseMs);
    if (r.acquired) handle = r.handle;
    else if (Date.now() - started > maxMs) throw new Error(`could not take the lock: held by ${r.heldBy}`);
    else await sleep(50);
  }
  onHolding();
  while (Date.now() - started < maxMs && !stop()) {
    await sleep(Math.min(100, Math.floor(leaseMs / 3)));
    if (!(await adapter.lock.renew(handle, leaseMs))) throw new Error('lost the lock while holding it');
  }
  await adapter.lock.release(handle);
}
