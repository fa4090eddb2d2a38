import { usageError } from '../cli/cli-error.js';
import type { Flags } from '../cli/command-types.js';

/** The flags of `up --fleet` / `status --fleet`, checked; counts are undefined when not given (the sdk's defaults). */
export interface FleetFlags {
  readonly fleet: string;
  readonly env: string;
  readonly concurrency: number | undefined;
  readonly canary: number | undefined;
  readonly maxFailures: number | undefined;
  /** `--shard i/n`: a hint, this runner's shard first (see the sdk's FleetUpOptions.shard). */
  readonly shard: { readonly index: number; readonly count: number } | undefined;
  /** `drift --sample N`: check N targets at random. */
  readonly sample: number | undefined;
}

/** Flags that only make sense with --fleet, by command. */
const FLEET_ONLY: { readonly [command: string]: readonly string[] } = {
  up: ['concurrency', 'canary', 'max-failures', 'shard'],
  status: ['concurrency'],
  drift: ['concurrency', 'sample'],
};

/** Flags of one database that a fleet run cannot take, and why. */
const NOT_WITH_FLEET: { readonly [flag: string]: string } = {
  product: 'a fleet names its own targets',
  database: 'a fleet names its own targets',
  recover: 'a failed target is resumed by the next `up --fleet`; use `ductape up --recover …` on that one database',
  'allow-missing': 'a fleet run does not check for applied migrations without a file',
};

/**
 * Checks `--fleet` and the flags that go with it before anything is read: counts are whole
 * numbers (`--concurrency` and `--max-failures` ≥ 1, `--canary` ≥ 0), `--shard` is i/n, they need `--fleet`, and
 * the flags of a single database (`--product`, `--database`, `--recover`, `--allow-missing`)
 * are refused with it. Every mistake is a usage error (exit 2). Returns undefined without `--fleet`.
 * @example fleetFlags('up', { fleet: 'tenants', concurrency: '8' }, process.env) // { fleet: 'tenants', env: 'dev', concurrency: 8, … }
 */
export function fleetFlags(command: 'up' | 'status' | 'drift', flags: Flags, vars: NodeJS.ProcessEnv): FleetFlags | undefined {
  const fleet = flags.fleet;
  if (fleet === undefined) {
    const stray = (FLEET_ONLY[command] ?? []).find((f) => flags[f] !== undefined);
    if (stray) throw usageError(`${command}: --${stray} works with --fleet only`, `run \`ductape ${command} --fleet <name> --${stray} ${String(flags[stray])}\`, or leave --${stray} out`);
    return undefined;
  }
  if (typeof fleet !== 'string' || fleet.trim() === '')
    throw usageError(`${command}: --fleet needs the name of a fleet`, `run \`ductape ${command} --fleet tenants\` (a name under fleets in ductape.config.*)`);
  for (const [flag, why] of Object.entries(NOT_WITH_FLEET)) {
    if (flags[flag] !== undefined) throw usageError(`${command}: --${flag} does not go with --fleet (${why})`, `run \`ductape ${command} --fleet ${fleet}\` without --${flag}`);
  }
  const count = (flag: string, min: number): number | undefined => {
    const value = flags[flag];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= min && Number.isSafeInteger(Number(value))) return Number(value);
    throw usageError(`${command}: --${flag} must be a whole number ≥ ${min}, got "${String(value)}"`, `run \`ductape ${command} --fleet ${fleet} --${flag} ${min === 0 ? 5 : 4}\``);
  };
  return {
    fleet,
    env: flags.env ?? (vars.DUCTAPE_ENV || 'dev'),
    concurrency: count('concurrency', 1),
    canary: count('canary', 0),
    maxFailures: count('max-failures', 1),
    shard: shardFlag(command, flags.shard, fleet),
    sample: count('sample', 1),
  };
}

/**
 * `--shard i/n` as `{ index, count }` (1 ≤ i ≤ n), a usage error otherwise.
 * @example shardFlag('up', '2/4', 'tenants') // { index: 2, count: 4 }
 */
export function shardFlag(command: string, value: unknown, fleet: string): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value.trim()) : null;
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw usageError(
      `${command}: --shard must be i/n with 1 ≤ i ≤ n (this machine's shard of n), got "${String(value)}"`,
      `run \`ductape ${command} --fleet ${fleet} --shard 1/2\` on one machine and \`--shard 2/2\` on the other`,
    );
  }
  return { index, count };
}
