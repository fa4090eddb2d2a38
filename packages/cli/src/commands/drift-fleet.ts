import type { FleetInspectRow } from '@ductape/sdk';
import type { CommandContext, CommandResult } from '../cli/command-types.js';
import { ExitCode } from '../cli/exit-codes.js';
import { driftLine } from '../drift/drift-line.js';
import { type TargetDrift, rawNote, targetDrift } from '../drift/target-drift.js';
import type { FleetFlags } from '../project/fleet-flags.js';

/** Targets with the same drift (or none, or the same error), for the grouped summary. */
export interface DriftGroup {
  readonly state: 'clean' | 'drift' | 'unreachable';
  readonly count: number;
  readonly targets: string[];
  /** For `drift`: the differences every target of the group has. */
  readonly drifts?: TargetDrift['drifts'];
  /** For `unreachable`: the first target's error. */
  readonly error?: { readonly code: string; readonly message: string };
}

const NAMES_SHOWN = 5;

/**
 * `ductape drift --fleet <name> [--sample N] [--concurrency N]`: the `drift` check on every target
 * of the fleet (or N at random), targets grouped by identical findings: "✓ 18 targets without
 * drift", "✗ 2 targets with 1 difference: tenant_b, tenant_c" and the differences once, "! 1 target
 * could not be checked". Exit 3 when a target drifted, 1 when one could not be read (before 3), 0
 * otherwise — as `drift` on one database. --json: the groups and one row per checked target.
 * @example ductape drift --fleet tenants --env prd --sample 50
 */
export async function driftFleet(ctx: CommandContext, f: FleetFlags): Promise<CommandResult> {
  const { DatabaseService } = await import('@ductape/sdk');
  const fleet = new DatabaseService({ cwd: ctx.cwd, vars: ctx.vars }).fleet(f.fleet);
  const result = await fleet.inspect({ env: f.env, ...(f.concurrency !== undefined ? { concurrency: f.concurrency } : {}), ...(f.sample !== undefined ? { sample: f.sample } : {}) }, (adapter) =>
    targetDrift(adapter),
  );
  const groups = driftGroups(result.rows);
  const { out } = ctx;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  out.line(out.c.bold(`fleet ${f.fleet} (env ${f.env}): drift on ${result.rows.length} of ${n(result.targets, 'target')}${result.sampled ? ' (a random sample)' : ''}`));
  for (const g of groups) {
    if (g.state === 'clean') out.line(`${out.c.green('✓')} ${n(g.count, 'target')} without drift`);
    else if (g.state === 'drift') {
      out.line(`${out.c.red('✗')} ${n(g.count, 'target')} with ${n(g.drifts?.length ?? 0, 'difference')}: ${names(g.targets)}`);
      for (const d of g.drifts ?? []) out.line(`  ${driftLine(d, out.c)}`);
    } else out.line(`${out.c.yellow('!')} ${n(g.count, 'target')} could not be checked: ${names(g.targets)} (${g.error?.code ?? ''} ${g.error?.message ?? ''})`);
  }
  const raw = [...new Set(result.rows.flatMap((r) => ('value' in r ? r.value.notChecked : [])))];
  if (raw.length > 0) out.note(`${out.ce.yellow('note')} ${rawNote(raw)}`);
  const notCompared = [...new Set(result.rows.flatMap((r) => ('value' in r ? r.value.notCompared : [])))];
  if (notCompared.length > 0) out.note(`${out.ce.yellow('note')} not compared on these databases: ${notCompared.join('; ')}`);
  const count = (state: DriftGroup['state']) => groups.filter((g) => g.state === state).reduce((k, g) => k + g.count, 0);
  const [clean, drifted, unreachable] = [count('clean'), count('drift'), count('unreachable')];
  out.line(`${clean} without drift, ${drifted} with drift${unreachable > 0 ? `, ${unreachable} not checked` : ''}`);
  const exitCode = unreachable > 0 ? ExitCode.failure : drifted > 0 ? ExitCode.findings : ExitCode.ok;
  return { exitCode, data: { fleet: f.fleet, env: f.env, targets: result.targets, checked: result.rows.length, sampled: result.sampled, groups, rows: result.rows } };
}

/**
 * Groups drift rows: targets without drift, then one group per identical list of differences
 * (largest first), then the targets that could not be checked (one group per error code).
 * @example driftGroups(rows).map((g) => `${g.state} ${g.count}`)
 */
export function driftGroups(rows: readonly FleetInspectRow<TargetDrift>[]): DriftGroup[] {
  const byKey = new Map<string, { state: DriftGroup['state']; targets: string[]; drifts?: TargetDrift['drifts']; error?: DriftGroup['error'] }>();
  for (const r of rows) {
    const [key, seed] =
      'error' in r
        ? [`unreachable ${r.error.code}`, { state: 'unreachable' as const, error: r.error }]
        : r.value.drifts.length === 0
          ? ['clean', { state: 'clean' as const }]
          : [`drift ${JSON.stringify(r.value.drifts)}`, { state: 'drift' as const, drifts: r.value.drifts }];
    const g = byKey.get(key) ?? { ...seed, targets: [] };
    g.targets.push(r.target);
    byKey.set(key, g);
  }
  const order = { clean: 0, drift: 1, unreachable: 2 } as const;
  return [...byKey.values()].sort((a, b) => order[a.state] - order[b.state] || b.targets.length - a.targets.length).map((g) => ({ ...g, count: g.targets.length }));
}

function names(list: readonly string[]): string {
  return list.length <= NAMES_SHOWN ? list.join(', ') : `${list.slice(0, NAMES_SHOWN).join(', ')} +${list.length - NAMES_SHOWN} more`;
}
