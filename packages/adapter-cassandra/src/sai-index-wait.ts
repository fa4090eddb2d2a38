import { setTimeout as sleep } from 'node:timers/promises';
import { DuctapeError, ErrorCodes } from '@ductape/core';
import type { CassandraDriver } from './cassandra-driver.js';

/**
 * Waits until the storage-attached index `name` is queryable on the coordinator
 * (`system_views.sai_column_indexes.is_queryable`), so `up` returns with a usable index.
 * Servers without that view (Cassandra 4) and indexes it does not list are not waited for.
 * @example await waitForSaiIndex(driver, 'app', 'users_email', 300_000);
 */
export async function waitForSaiIndex(driver: CassandraDriver, keyspace: string, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleSince: number | undefined;
  for (;;) {
    let row;
    try {
      const r = await driver.execute('SELECT index_name, is_queryable, is_building FROM system_views.sai_column_indexes WHERE keyspace_name = ? ALLOW FILTERING', [keyspace]);
      row = r.rows.find((x) => x.get('index_name') === name);
    } catch {
      return; // no such view on this server
    }
    if (!row || row.get('is_queryable') === true) return;
    // Right after CREATE INDEX (more so on a loaded node) the view can list the index as neither
    // building nor queryable until the build task starts: only a state that lasts means it stopped.
    if (row.get('is_building') === true) idleSince = undefined;
    else if ((idleSince ??= Date.now()) + STOPPED_AFTER_MS <= Date.now())
      throw new IndexBuildError(name, `the build stopped without making it queryable (neither building nor queryable for ${STOPPED_AFTER_MS / 1000} s)`);
    if (Date.now() >= deadline) throw new IndexBuildError(name, `still building after ${timeoutMs} ms`);
    await sleep(250);
  }
}

const STOPPED_AFTER_MS = 15_000;

/** A storage-attached index did not become queryable. */
export class IndexBuildError extends DuctapeError {
  constructor(name: string, reason: string) {
    super(
      ErrorCodes.migrationFailed,
      `the storage-attached index "${name}" is not queryable: ${reason}`,
      'check the node logs (nodetool compactionstats shows index builds); drop the index and run up again to resume, or raise indexBuildTimeoutMs',
    );
  }
}
