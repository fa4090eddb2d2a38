import type { ResolvedUpdate } from '../data/resolve-update.js';
import type { UpdateOptions, UpdateResult } from '../data/update-request.js';
import type { Adapter } from './adapter.js';

/**
 * An adapter that can run data migrations (`db.update`). Optional: the sdk refuses `db.update`
 * with a typed error on adapters without it. Batches walk `update.key` in order, each in its own
 * short transaction, so a long backfill never holds a long lock and can resume where it stopped.
 * @example if ('updateRows' in adapter) await adapter.updateRows(resolved, { batchSize: 5000 });
 */
export interface DataAdapter extends Adapter {
  updateRows(update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult>;
}
