import type { FleetTarget } from './fleet-target.js';
import type { FleetStatusGroup, FleetSummary, FleetTargetRow, FleetTargetStatus } from './fleet-types.js';

/**
 * The summary of a run from its per-target rows, in fleet order.
 * @example fleetSummary('tenants', 'prd', targets, rows, [], undefined, 1200).failed
 */
export function fleetSummary(
  fleet: string,
  env: string,
  targets: readonly FleetTarget[],
  rows: ReadonlyMap<string, FleetTargetRow>,
  notStarted: readonly FleetTarget[],
  stoppedBy: FleetSummary['stoppedBy'],
  ms: number,
): FleetSummary {
  const list = targets.map((t) => rows.get(t.name) as FleetTargetRow);
  const named = (state: FleetTargetRow['state']) => list.filter((r) => r.state === state);
  const applied = list.reduce((n, r) => n + r.applied, 0);
  return {
    fleet,
    env,
    targets: targets.length,
    done: named('applied').length,
    upToDate: named('up-to-date').length,
    failed: named('failed').map((r) => ({ target: r.target, code: r.code ?? '', message: r.message ?? '' })),
    skipped: named('skipped-locked').map((r) => r.target),
    notStarted: notStarted.map((t) => t.name),
    ...(stoppedBy ? { stoppedBy } : {}),
    applied,
    migrationsPerSecond: ms > 0 ? Math.round((applied * 100_000) / ms) / 100 : 0,
    ms,
    rows: list,
  };
}

/**
 * Groups per-target statuses: up to date, pending (one group per list of pending tags), failed,
 * unreachable; largest group first within each state.
 * @example statusGroups(statuses).map((g) => g.count)
 */
export function statusGroups(statuses: readonly FleetTargetStatus[]): FleetStatusGroup[] {
  const groups = new Map<string, { state: FleetStatusGroup['state']; detail: readonly string[]; targets: string[] }>();
  for (const s of statuses) {
    const [state, detail] = s.error
      ? (['unreachable', [s.error.code]] as const)
      : s.failed > 0
        ? (['failed', s.failedNames] as const)
        : s.pending > 0
          ? (['pending', s.pendingTags] as const)
          : (['up-to-date', []] as const);
    const key = `${state}\u0000${detail.join('\u0000')}`;
    const g = groups.get(key) ?? { state, detail, targets: [] };
    g.targets.push(s.target);
    groups.set(key, g);
  }
  const order: FleetStatusGroup['state'][] = ['up-to-date', 'pending', 'failed', 'unreachable'];
  return [...groups.values()]
    .map((g) => ({ state: g.state, count: g.targets.length, detail: g.detail, targets: g.targets }))
    .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || b.count - a.count);
}

/**
 * One line for a status: "18 up to date, 2 pending 20261201_x, 1 failed add_y, 1 unreachable".
 * @example statusLine(statusGroups(statuses))
 */
export function statusLine(groups: readonly FleetStatusGroup[]): string {
  if (groups.length === 0) return 'no targets';
  return groups
    .map((g) => {
      const label = g.state === 'up-to-date' ? 'up to date' : g.state;
      const detail = g.detail.length === 0 ? '' : ` ${g.detail.slice(0, 3).join(', ')}${g.detail.length > 3 ? ` (+${g.detail.length - 3} more)` : ''}`;
      return `${g.count} ${label}${detail}`;
    })
    .join(', ');
}
