import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { migrationState, targetLabel } from '../project/describe.js';
import { fleetFlags } from '../project/fleet-flags.js';
import { historyWithoutFiles } from '../project/missing-files.js';
import { withTargetAndMigrations } from '../project/open-target.js';
import { relative } from 'node:path';

/**
 * `ductape status`: every migration file with its state (a file without operations yet is a
 * `draft`), applied migrations whose file is gone (`missing`), and history rows made without a
 * file (`db.schema.*`). Exit 3 when something is pending, failed, changed or missing; a failed
 * (or interrupted, or half rolled back) row counts as failed whether or not a file defines it.
 * With `--fleet <name>`: every target of that fleet (see status-fleet.ts).
 * @example ductape status --json
 */
export const statusCommand: CommandRun = async (ctx) => {
  const fleet = fleetFlags('status', ctx.flags, ctx.vars);
  if (fleet) return (await import('./status-fleet.js')).statusFleet(ctx, fleet);
  return withTargetAndMigrations(ctx, async (t, local) => {
    // Rows without migration bodies: only those of applied rows without a file are read (missing-files.ts).
    const history = await t.engine.getHistoryRows();
    const byName = new Map(history.map((e) => [e.name, e]));
    const rows = local.map((l) => {
      const e = l.draft ? undefined : byName.get(l.name);
      return { tag: l.tag, name: l.name, state: l.draft ? 'draft' : migrationState(e, l.checksum), appliedAt: e?.appliedAt?.toISOString() ?? null, error: e?.error ?? null };
    });
    const { missing, historyOnly } = await historyWithoutFiles(history, new Set(local.filter((l) => !l.draft).map((l) => l.name)), (rows) => t.engine.loadMigrations(rows));
    // A run that did not finish (failed, interrupted, half rolled back) is not up to date, whether or
    // not a file defines it (a file deleted after its run failed, a failed db.schema.* call).
    const unfinished = historyOnly.filter((e) => e.status !== 'applied' || e.direction !== 'up');
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    const failedRows = rows.filter((r) => !['applied', 'pending', 'changed', 'draft'].includes(r.state));
    const failedMigrations = [
      ...failedRows.map((r) => ({ tag: r.tag, name: r.name, state: r.state, file: true, error: r.error })),
      ...unfinished.map((e) => ({ tag: e.tag, name: e.name, state: migrationState(e, e.checksum), file: false, error: e.error ?? null })),
    ];
    const summary = {
      total: rows.length,
      applied: count('applied'),
      pending: count('pending'),
      changed: count('changed'),
      failed: failedMigrations.length,
      draft: count('draft'),
      missing: missing.length,
    };
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    // One write for all rows (a thousand separate writes to a pipe cost more than the rest).
    const lines = rows.map((r) => {
      const color = r.state === 'applied' ? out.c.green : r.state === 'pending' || r.state === 'draft' ? out.c.yellow : out.c.red;
      const note = r.state === 'draft' ? out.c.dim('  (no operations yet: up skips it)') : r.error ? out.c.dim(`  ${r.error}`) : '';
      return `  ${color(r.state.padEnd(12))} ${r.tag}${note}`;
    });
    const dir = relative(ctx.cwd, t.project.migrationsDir) || '.';
    for (const m of missing) lines.push(`  ${out.c.red('missing'.padEnd(12))} ${m.tag} ${out.c.dim(`(applied, but no file in ${dir})`)}`);
    for (const u of historyOnly) {
      if (unfinished.includes(u)) {
        const why = `(no file in ${dir}: made by db.schema.* or its file is gone; resolve it with \`ductape repair ${u.name}\`)`;
        lines.push(`  ${out.c.red(migrationState(u, u.checksum).padEnd(12))} ${u.tag} ${out.c.dim(why)}${u.error ? out.c.dim(`  ${u.error}`) : ''}`);
      } else lines.push(`  ${out.c.dim('history-only'.padEnd(12))} ${u.tag} ${out.c.dim(`(${u.status}; made without a file, e.g. by db.schema.*)`)}`);
    }
    if (lines.length > 0) out.line(lines.join('\n'));
    const extra = `${summary.draft > 0 ? `, ${summary.draft} draft` : ''}${summary.missing > 0 ? `, ${summary.missing} missing` : ''}`;
    out.line(`${summary.total} migration${summary.total === 1 ? '' : 's'}: ${summary.applied} applied, ${summary.pending} pending, ${summary.failed} failed, ${summary.changed} changed${extra}`);
    const upToDate = summary.pending === 0 && summary.failed === 0 && summary.changed === 0 && summary.missing === 0;
    const entry = (e: { tag: string; name: string; status: string }) => ({ tag: e.tag, name: e.name, status: e.status });
    return {
      exitCode: upToDate ? ExitCode.ok : ExitCode.findings,
      data: { target: t.names, ...summary, upToDate, migrations: rows, failedMigrations, missing: missing.map(entry), historyOnly: historyOnly.map(entry) },
    };
  });
};
