import type { Migration, MigrationEngine, Step } from '@ductape/sdk';
import { errorReport } from '../cli/format-error.js';

/** Why a migration cannot be planned: the typed error `up` would stop at, as printed. */
export interface PlanRefusal {
  readonly code: string;
  readonly message: string;
  readonly hint: string | null;
}

/**
 * The steps of one migration, or why it has none: `deferred` when they depend on an earlier
 * migration's raw step and are checked when `up` applies it (not invalid).
 */
export type PlanOutcome = { readonly steps: readonly Step[]; readonly deferred?: string } | { readonly error: PlanRefusal };

/** The codes of errors that are about the migration itself (what `up` refuses before any change). */
const MIGRATION_CODES: ReadonlySet<string> = new Set([
  'DUCTAPE_VALIDATION',
  'DUCTAPE_INVALID_ARGUMENT',
  'DUCTAPE_UNSUPPORTED_OPERATION',
  'DUCTAPE_IRREVERSIBLE',
  'DUCTAPE_ALREADY_EXISTS',
  'DUCTAPE_NOT_FOUND',
  'DUCTAPE_MIGRATION_LOAD',
]);

/**
 * The refusal of a typed error about the migration (validation, capability, compile, resolution
 * against the live schema); anything else — a lost connection, a bug — is thrown again, so it
 * stops the command and is never printed as if the migration were at fault.
 * @example planRefusal(new ValidationError('migration "x"', issues)).code // 'DUCTAPE_VALIDATION'
 */
export function planRefusal(error: unknown): PlanRefusal {
  const r = errorReport(error);
  if (!MIGRATION_CODES.has(r.code)) throw error;
  return { code: r.code, message: r.message, hint: r.hint ?? null };
}

/**
 * `fn()`'s steps, or the typed error it throws.
 * @example planOne(() => engine.plan(m, 'up').steps)
 */
export function planOne(fn: () => readonly Step[]): PlanOutcome {
  try {
    return { steps: fn() };
  } catch (error) {
    return { error: planRefusal(error) };
  }
}

/**
 * The up steps of each of `ms` in order, each resolved (read only) against the schema the
 * earlier ones leave, as `engine.previewAll` does — but one invalid migration does not hide the
 * others: it gets its error, and the ones after it are planned as if it were left out (`up` would
 * stop at it, and nothing of it would run). The first invalid migration of a list is the end of
 * its shortest prefix that `previewAll` refuses, found by bisection (log n previews each).
 * @example const byName = await previewEach(engine, pending); byName.get('add_phone')
 */
export async function previewEach(engine: MigrationEngine, ms: readonly Migration[]): Promise<Map<string, PlanOutcome>> {
  const out = new Map<string, PlanOutcome>();
  let list = [...ms];
  for (;;) {
    const all = await attempt(engine, list);
    if (!('error' in all)) {
      for (const p of all.planned) out.set(p.name, p.deferred ? { steps: p.steps, deferred: p.deferred } : { steps: p.steps });
      return out;
    }
    // Invariant: the prefix ending at `hi` is refused, every prefix ending before `lo` is not.
    let lo = 0;
    let hi = list.length - 1;
    let refusal = all.error;
    let refusedAt = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = await attempt(engine, list.slice(0, mid + 1));
      if ('error' in r) {
        hi = mid;
        refusal = r.error;
        refusedAt = mid;
      } else lo = mid + 1;
    }
    if (refusedAt !== lo) {
      const r = await attempt(engine, list.slice(0, lo + 1));
      if ('error' in r) refusal = r.error;
    }
    const invalid = list[lo] as Migration;
    out.set(invalid.name, { error: refusal });
    list = list.filter((_, i) => i !== lo);
  }
}

async function attempt(engine: MigrationEngine, ms: readonly Migration[]): Promise<{ planned: Awaited<ReturnType<MigrationEngine['previewAll']>> } | { error: PlanRefusal }> {
  try {
    return { planned: await engine.previewAll(ms) };
  } catch (error) {
    return { error: planRefusal(error) };
  }
}
