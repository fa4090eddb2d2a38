import type { HistoryEntry, HistoryRow, HistoryStore } from '../adapter/history.js';
import { withBodies } from './history-bodies.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import type { MigrationStatus } from './engine-options.js';

/**
 * Status of `defined` against `history`. Linear in both; checksums are memoised per migration.
 * Reads no migration body: `history` may be rows without them (the status then names those rows).
 * @example computeStatus([m1, m2], await adapter.history.list()).pending
 */
export function computeStatus<E extends HistoryRow>(defined: readonly Migration[], history: readonly E[]): MigrationStatus<Migration, E> {
  const byName = new Map(history.map((e) => [e.name, e]));
  const names = new Set<string>();
  const pendingMigrations: Migration[] = [];
  const failedMigrations: E[] = [];
  const mismatchedMigrations: Migration[] = [];
  let completed = 0;
  defined.forEach((m, i) => {
    if (typeof m !== 'object' || m === null || typeof m.name !== 'string') throw new InvalidArgumentError(`definedMigrations[${i}]`, 'a built migration', m);
    names.add(m.name);
    const e = byName.get(m.name);
    if (!e) return void pendingMigrations.push(m);
    if (e.status === 'applied' && e.direction === 'up') {
      completed++;
      if (e.checksum !== checksumOf(m)) mismatchedMigrations.push(m);
    } else failedMigrations.push(e);
  });
  let lastApplied: E | undefined;
  for (const e of history) {
    if (e.status === 'applied' && (!lastApplied || (e.appliedAt?.getTime() ?? 0) >= (lastApplied.appliedAt?.getTime() ?? 0))) lastApplied = e;
  }
  return {
    total: defined.length,
    completed,
    pending: pendingMigrations.length,
    pendingMigrations,
    lastApplied,
    failed: failedMigrations.length,
    failedMigrations,
    mismatched: mismatchedMigrations.length,
    mismatchedMigrations,
    unknownApplied: history.filter((e) => !names.has(e.name)),
  };
}

/**
 * `status` (computed over rows without bodies) with the migrations of the rows it names (last
 * applied, failed, unknown), read in one call: what getStatus returns.
 * @example await statusWithBodies(adapter.history, computeStatus(defined, rows))
 */
export async function statusWithBodies(store: HistoryStore, status: MigrationStatus<Migration, HistoryRow>): Promise<MigrationStatus<Migration>> {
  const named = [...new Set([...(status.lastApplied ? [status.lastApplied] : []), ...status.failedMigrations, ...status.unknownApplied])];
  const full = new Map((await withBodies(store, named)).map((e) => [e.name, e]));
  const body = (r: HistoryRow) => full.get(r.name) as HistoryEntry;
  return { ...status, lastApplied: status.lastApplied && body(status.lastApplied), failedMigrations: status.failedMigrations.map(body), unknownApplied: status.unknownApplied.map(body) };
}
