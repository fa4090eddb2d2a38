import type { MigrationEngine, Step } from '@ductape/sdk';
import { ExitCode } from '../cli/exit-codes.js';
import { usageError } from '../cli/cli-error.js';
import type { CommandResult, CommandRun } from '../cli/command-types.js';
import type { Output } from '../cli/output.js';
import { targetLabel } from '../project/describe.js';
import { type BrokenMigration, type LocalMigration, loadMigrationFiles } from '../project/load-migrations.js';
import { type PlanOutcome, type PlanRefusal, planOne, planRefusal, previewEach } from '../project/plan-each.js';
import { offlineAdapter } from '../project/offline-adapter.js';
import { type Project, loadProject } from '../project/project-config.js';
import { rollbackSelection, rollbackSteps, withRecorded } from '../project/rollback-plan.js';
import { rollbackRange } from './down.js';
import { selectRange } from '../project/select-range.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape plan`: the steps `up` would run for each migration file, from the engine's `plan` —
 * compiled for the target's adapter, which is not connected; when an op lacks the definition it
 * replaces (`previous`), the database is read (only read) as `up` would. `--pending` reads the history (and
 * only reads it) to leave out what is applied. `--down` plans exactly what `ductape down` with
 * the same `--to <tag>|0` / `--steps <n>` would do: it reads the history and lists the same rows
 * in the same (newest-first, apply) order, a failed run as the compensation of its applied steps
 * (`<tag>… --down` plans the down of those files instead, without the database).
 * Every migration is shown: one that is invalid (its file does not load, the adapter refuses an
 * op, the live schema refutes it) is marked with its typed error instead of stopping the plan,
 * the ones after it planned as if it were left out; exit 1 when any is invalid.
 * @example ductape plan --from 20240115_143052_add_phone --json
 */
export const planCommand: CommandRun = async (ctx) => {
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  if (ctx.flags.down && ctx.positionals.length === 0) return planRollback(ctx, project);
  if (ctx.flags.steps !== undefined) throw usageError('plan: --steps goes with --down', 'run `ductape plan --down --steps <n>`');
  const files = await loadMigrationFiles(project.migrationsDir, ctx.cwd, { keepBroken: true });
  const all: Plannable[] = [...files.migrations, ...files.broken].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const local = selectRange(all, ctx.positionals, { from: ctx.flags.from, to: ctx.flags.to });
  const chosen = ctx.flags.pending ? await pendingOnly(ctx, project, local) : local;
  const { MigrationEngine, needsResolution } = await import('@ductape/sdk');
  const direction = ctx.flags.down ? 'down' : 'up';
  if (direction === 'up' && chosen.some((l) => 'migration' in l && needsResolution(l.migration))) return planLive(ctx, project, chosen);
  const { names, adapter } = await offlineAdapter(ctx, project);
  const engine: MigrationEngine = new MigrationEngine(adapter);
  const ordered = direction === 'down' ? [...chosen].reverse() : chosen;
  const migrations = ordered.map((l) => planned(l, direction, 'migration' in l ? planOne(() => engine.plan(l.migration, direction).steps) : brokenOutcome(l)));
  return planResult(ctx.out, `${targetLabel(names)} — ${adapter.name}, ${direction}`, { target: names, adapter: adapter.name, direction }, migrations);
};

/** A migration file as plan takes it: built, or one that could not be loaded (shown as invalid). */
type Plannable = LocalMigration | BrokenMigration;

type PlannedMigration = { tag: string; name: string; action: string; steps: { [key: string]: unknown }[]; error?: PlanRefusal; deferred?: string };

function planned(l: Plannable, action: string, outcome: PlanOutcome): PlannedMigration {
  const name = 'migration' in l ? l.migration.name : l.name;
  if ('error' in outcome) return { tag: l.tag, name, action, steps: [], error: outcome.error };
  return { tag: l.tag, name, action, steps: outcome.steps.map(stepJson), ...(outcome.deferred ? { deferred: outcome.deferred } : {}) };
}

function brokenOutcome(l: BrokenMigration): PlanOutcome {
  return { error: planRefusal(l.error) };
}

// Every migration is shown, an invalid one with its error (exit 1: `up` would stop at it).
function planResult(out: Output, heading: string, base: { [key: string]: unknown }, migrations: PlannedMigration[]): CommandResult {
  printPlan(out, heading, migrations);
  const invalid = migrations.filter((m) => m.error).length;
  return { exitCode: invalid > 0 ? ExitCode.failure : ExitCode.ok, data: { ...base, invalid, migrations } };
}

// An op without its previous definition is resolved by `up` from the live schema: plan reads it
// the same way (read only), each pending migration against what the earlier ones leave; an
// applied one shows the steps recorded for it.
async function planLive(ctx: Parameters<CommandRun>[0], project: Project, chosen: Plannable[]): Promise<CommandResult> {
  return withTarget(
    ctx,
    async (t) => {
      const { checksum } = await import('@ductape/sdk');
      // The bodies of the chosen applied rows only (their recorded steps are shown).
      const rows = await t.engine.getHistoryRows();
      const wanted = new Set(chosen.filter((l): l is LocalMigration => 'migration' in l).map((l) => l.migration.name));
      const recorded = await t.engine.loadMigrations(rows.filter((e) => wanted.has(e.name) && e.status === 'applied' && e.direction === 'up'));
      const history = new Map(recorded.map((e) => [e.name, e]));
      const applied = (l: LocalMigration) => {
        const e = history.get(l.migration.name);
        return e && e.status === 'applied' && e.direction === 'up' && e.checksum === checksum(l.migration) ? e : undefined;
      };
      const built = chosen.filter((l): l is LocalMigration => 'migration' in l);
      const byName = await previewEach(
        t.engine,
        built.filter((l) => !applied(l)).map((l) => l.migration),
      );
      const migrations = chosen.map((l) => {
        if (!('migration' in l)) return planned(l, 'up', brokenOutcome(l));
        const e = applied(l);
        return planned(l, 'up', e ? planOne(() => t.engine.plan(e.migration, 'up').steps) : (byName.get(l.migration.name) ?? { steps: [] }));
      });
      return planResult(ctx.out, `${targetLabel(t.names)} — ${t.adapter.name}, up (definitions read from the database)`, { target: t.names, adapter: t.adapter.name, direction: 'up' }, migrations);
    },
    { project },
  );
}

// plan --down: the rows `down` would act on, from the history (read only), in its order.
async function planRollback(ctx: Parameters<CommandRun>[0], project: Project): Promise<CommandResult> {
  if (ctx.flags.from !== undefined || ctx.flags.pending)
    throw usageError('plan --down takes --to <tag>|0 or --steps <n> (as `ductape down` does), not --from or --pending', 'run `ductape plan --down --steps <n>` or `ductape plan --down --to <tag>`');
  const range = rollbackRange(ctx.flags.to, ctx.flags.steps, 'plan --down');
  return withTarget(
    ctx,
    async (t) => {
      const chosen = await withRecorded(t.engine, rollbackSelection(await t.engine.getHistoryRows(), range));
      const migrations = [];
      for (const item of chosen) migrations.push({ tag: item.entry.tag, name: item.entry.name, action: item.action, steps: (await rollbackSteps(t.adapter, t.engine, item)).map(stepJson) });
      return planResult(ctx.out, `${targetLabel(t.names)} — ${t.adapter.name}, down`, { target: t.names, adapter: t.adapter.name, direction: 'down' }, migrations);
    },
    { project },
  );
}

async function pendingOnly(ctx: Parameters<CommandRun>[0], project: Project, local: Plannable[]): Promise<Plannable[]> {
  const applied = await withTarget(ctx, async (t) => new Set((await t.engine.getHistoryRows()).filter((e) => e.status === 'applied' && e.direction === 'up').map((e) => e.name)), { project });
  return local.filter((l) => !('migration' in l) || !applied.has(l.migration.name));
}

/**
 * A step as plan prints it in --json: kind, summary, and its text/params, command or reason.
 * @example stepJson({ kind: 'statement', summary: 'create table "users"', text: 'CREATE TABLE …' })
 */
export function stepJson(s: Step): { [key: string]: unknown } {
  const base = { kind: s.kind, summary: s.summary, outsideTransaction: s.outsideTransaction === true };
  if (s.kind === 'statement') return { ...base, text: s.text, params: s.params ?? [] };
  if (s.kind === 'command') return { ...base, name: s.name, args: s.args };
  return { ...base, reason: s.reason };
}

function printPlan(out: Output, heading: string, migrations: { tag: string; action: string; steps: { [key: string]: unknown }[]; error?: PlanRefusal; deferred?: string }[]): void {
  out.line(out.c.bold(heading));
  for (const m of migrations) {
    out.line('');
    if (m.error) {
      out.line(`${out.c.cyan(m.tag)} ${out.c.red('(invalid: up would stop here; nothing of it would run)')}`);
      out.line(`${out.c.red('error')} ${m.error.code} ${m.error.message}`);
      if (m.error.hint) out.line(`${out.c.dim('hint ')} ${m.error.hint}`);
      continue;
    }
    if (m.deferred) {
      // An earlier migration's raw step may change any table: its steps are resolved when up reaches it.
      out.line(`${out.c.cyan(m.tag)} ${out.c.yellow(`(${m.deferred})`)}`);
      continue;
    }
    const how = m.action === 'compensate' ? ', compensation of a failed run: its applied steps undone' : '';
    out.line(`${out.c.cyan(m.tag)} ${out.c.dim(`(${m.steps.length} step${m.steps.length === 1 ? '' : 's'}${how})`)}`);
    for (const s of m.steps) {
      const flag = s.outsideTransaction ? out.c.yellow('-- outside the transaction\n') : '';
      const body =
        s.kind === 'statement'
          ? `${String(s.text)};${(s.params as unknown[]).length > 0 ? out.c.dim(` -- params ${JSON.stringify(s.params)}`) : ''}`
          : s.kind === 'command'
            ? `${String(s.name)} ${JSON.stringify(s.args)}`
            : out.c.dim(`-- nothing to do: ${String(s.reason)}`);
      out.line(`${flag}${body}`);
    }
  }
  out.line('');
  const invalid = migrations.filter((m) => m.error).length;
  const bad = invalid > 0 ? `, ${out.c.red(`${invalid} invalid`)} (the ones after an invalid one are planned as if it were left out)` : '';
  const deferred = migrations.filter((m) => m.deferred).length;
  const later = deferred > 0 ? `, ${deferred} checked at apply time (after a raw step)` : '';
  out.line(out.c.dim(`${migrations.length} migration${migrations.length === 1 ? '' : 's'} planned${bad}${later}; nothing was run`));
}
