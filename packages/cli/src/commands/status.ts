import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { migrationState, targetLabel } from '../project/describe.js';
import { withTargetAndMigrations } from '../project/open-target.js';

/**
 * `ductape status`: every migration file with its state, and history rows no file matches.
 * Exit 3 when something is pending, failed or changed since it ran.
 * @example ductape status --json
 */
export const statusCommand: CommandRun = (ctx) =>
  withTargetAndMigrations(ctx, async (t, local) => {
    const history = await t.engine.getHistory();
    const byName = new Map(history.map((e) => [e.name, e]));
    const names = new Set(local.map((l) => l.name));
    const rows = local.map((l) => {
      const e = byName.get(l.name);
      return { tag: l.tag, name: l.name, state: migrationState(e, l.checksum), appliedAt: e?.appliedAt?.toISOString() ?? null, error: e?.error ?? null };
    });
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    const summary = { total: rows.length, applied: count('applied'), pending: count('pending'), changed: count('changed'), failed: rows.length - count('applied') - count('pending') - count('changed') };
    const unknown = history.filter((e) => !names.has(e.name)).map((e) => ({ tag: e.tag, name: e.name, status: e.status }));
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    // One write for all rows (a thousand separate writes to a pipe cost more than the rest).
    const lines = rows.map((r) => {
      const color = r.state === 'applied' ? out.c.green : r.state === 'pending' ? out.c.yellow : out.c.red;
      return `  ${color(r.state.padEnd(12))} ${r.tag}${r.error ? out.c.dim(`  ${r.error}`) : ''}`;
    });
    for (const u of unknown) lines.push(`  ${out.c.dim('history-only'.padEnd(12))} ${u.tag} ${out.c.dim('(no file in the migrations directory)')}`);
    if (lines.length > 0) out.line(lines.join('\n'));
    out.line(`${summary.total} migration${summary.total === 1 ? '' : 's'}: ${summary.applied} applied, ${summary.pending} pending, ${summary.failed} failed, ${summary.changed} changed`);
    const upToDate = summary.pending === 0 && summary.failed === 0 && summary.changed === 0;
    return { exitCode: upToDate ? ExitCode.ok : ExitCode.findings, data: { target: t.names, ...summary, upToDate, migrations: rows, historyOnly: unknown } };
  });
