import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { HistoryEntry } from '../adapter/history.js';
import type { LockOwner } from '../adapter/lock.js';
import type { Migration } from '../model/migration.js';

/**
 * A unique lock owner for one engine, described by host and pid so a timeout can name it.
 * @example makeOwner().description // 'build-7 pid 4242'
 */
export function makeOwner(label?: string): LockOwner {
  return { id: randomUUID(), description: label ?? `${hostname()} pid ${process.pid}` };
}

/**
 * The history row of a run in progress.
 * @example runningEntry(m, checksum(m), 'up', 3, owner)
 */
export function runningEntry(migration: Migration, sum: string, direction: 'up' | 'down', stepsTotal: number, owner: LockOwner, previous?: HistoryEntry): HistoryEntry {
  return {
    name: migration.name,
    tag: migration.tag,
    checksum: sum,
    status: 'running',
    direction,
    appliedAt: previous?.appliedAt ?? null,
    startedAt: new Date(),
    executionMs: 0,
    stepsApplied: 0,
    stepsTotal,
    error: null,
    appliedBy: owner.description,
    migration,
  };
}
