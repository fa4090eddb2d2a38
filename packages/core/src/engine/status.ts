import type { HistoryEntry } from '../adapter/history.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import type { MigrationStatus } from './engine-options.js';

/**
 * Status of `defined` against `history`. Linear in both; checksums are memoised per migration.
 * @example computeStatus([m1, m2], await adapter.history.list()).pending
 */
export function computeStatus(defined: readonly Migration[], history: readonly HistoryEntry[]): MigrationStatus<Migration> {
  const byName = new Map(history.map((e) => [e.name, e]));
  const names = new Set<string>();
  const pendingMigrations: Migration[] = [];
  const failedMigrations: HistoryEntry[] = [];
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
  let lastApplied: HistoryEntry | undefined;
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
