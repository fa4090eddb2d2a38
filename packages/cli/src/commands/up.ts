import type { RunResult } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';
import { confirmDestructive } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { fleetFlags } from '../project/fleet-flags.js';
import { findLocal } from '../project/load-migrations.js';
import { resultLine, targetLabel } from '../project/describe.js';
import { loadIndexed } from '../project/index-migrations.js';
import { withTargetAndMigrations } from '../project/open-target.js';
import { compensationOps } from '../project/rollback-plan.js';
import { assertNoneMissing, historyWithoutFiles } from '../project/missing-files.js';
import { relative } from 'node:path';

/**
 * `ductape up [--to <tag>] [--allow-missing]`: applies the pending migration files in tag order,
 * under one lock. Drafts (files without operations yet) are skipped with a warning line; applied
 * migrations whose file is gone make it refuse before any change unless `--allow-missing`.
 * Applied ones are only checked (a changed file is DUCTAPE_CHECKSUM_MISMATCH before any step);
 * a failed one is resumed at its first unapplied step (`--recover compensate`: undone first).
 * On prd/prod/production the production guard asks to confirm destructive operations (--yes).
 * With `--fleet <name>`: every target of that fleet (see up-fleet.ts).
 * @example ductape up --to 20240115_143052_add_phone
 */
export const upCommand: CommandRun = async (ctx) => {
  const fleet = fleetFlags('up', ctx.flags, ctx.vars);
  if (fleet) return (await import('./up-fleet.js')).upFleet(ctx, fleet);
  const recover = ctx.flags.recover ?? 'resume';
  if (recover !== 'resume' && recover !== 'compensate' && recover !== 'mark-ran' && recover !== 'rerun')
    throw usageError(
      `up: --recover must be resume, compensate, mark-ran or rerun, got "${String(recover)}"`,
      'run `ductape up --recover compensate` (or `ductape up` to resume; mark-ran/rerun only for a raw step a killed run left uncertain)',
    );
  return withTargetAndMigrations(ctx, async (t, files) => {
    const to = typeof ctx.flags.to === 'string' ? findLocal(files, ctx.flags.to) : files.length - 1;
    const drafts = files.slice(0, to + 1).filter((l) => l.draft);
    const wanted = files.slice(0, to + 1).filter((l) => !l.draft);
    // Rows without migration bodies: a no-op up reads none (a failed row's is read to compensate it).
    const all = await t.engine.getHistoryRows();
    const { missing } = await historyWithoutFiles(all, new Set(files.filter((l) => !l.draft).map((l) => l.name)), (rows) => t.engine.loadMigrations(rows));
    assertNoneMissing(missing, relative(ctx.cwd, t.project.migrationsDir) || '.', ctx.flags['allow-missing'] === true);
    for (const d of drafts) ctx.out.note(`${ctx.out.ce.yellow('warning')} skipped draft ${d.tag}: it has no operations yet (add some, or delete ${relative(ctx.cwd, d.file)})`);
    const history = new Map(all.map((e) => [e.name, e]));
    // Applied with the same checksum: nothing to do, so the lock is not even taken (nor the file imported).
    const todo = wanted.filter((l) => {
      const e = history.get(l.name);
      return !(e && e.status === 'applied' && e.direction === 'up' && e.checksum === l.checksum);
    });
    const loaded = todo.length > 0 ? await loadIndexed(todo, ctx.cwd) : [];
    // The production guard sees every operation this run may perform (with --recover compensate,
    // also what undoing a failed run's applied steps runs) before anything is changed.
    const guarded = [];
    for (const l of loaded) {
      const e = history.get(l.migration.name);
      const failed = recover === 'compensate' && e && e.direction === 'up' && e.status !== 'applied' ? (await t.engine.loadMigrations([e]))[0] : undefined;
      const undo = failed ? (await compensationOps(t.adapter, failed)).map((x) => x.op) : [];
      guarded.push({ tag: l.tag, operations: [...undo, ...l.migration.up] });
    }
    await confirmDestructive(ctx, 'up', t.names.env, guarded);
    const results: RunResult[] =
      loaded.length > 0
        ? await t.engine.upAll(
            loaded.map((l) => l.migration),
            { recover },
          )
        : [];
    t.progress.stop();
    const applied = results.filter((r) => r.outcome !== 'skipped');
    // --recover compensate: what was undone before the migration ran again from its first step.
    const compensated = t.finished.filter((e) => e.outcome === 'compensated').map((e) => ({ tag: e.tag, name: e.name, durationMs: e.ms }));
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const c of compensated) out.line(`  ${out.c.yellow('compensated')} ${c.tag}  (its applied steps undone, then run again)`);
    for (const r of applied) out.line(`  ${out.c.green(resultLine(r))}`);
    out.line(applied.length === 0 ? 'nothing to apply: up to date' : `${applied.length} migration${applied.length === 1 ? '' : 's'} applied`);
    return { exitCode: ExitCode.ok, data: { target: t.names, applied: applied.length, results, compensated, skippedDrafts: drafts.map((d) => d.tag) } };
  });
};
