import { type HistoryEntry, ErrorCodes } from '@ductape/sdk';
import { CliError, usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { holdLock } from '../project/hold-lock.js';
import { findLocal, loadMigrations } from '../project/load-migrations.js';
import { CLI_OWNER, withTarget } from '../project/open-target.js';

/**
 * `ductape baseline <tag>`: adopts a database whose schema already exists — records every
 * migration file up to and including <tag> as applied, without running it. Rows already applied
 * with the same checksum are kept; any other row for them is refused before anything is written.
 * @example ductape baseline 20240115_143052_create_users
 */
export const baselineCommand: CommandRun = (ctx) => {
  const [ref, ...extra] = ctx.positionals;
  if (ref === undefined || extra.length > 0) throw usageError('baseline takes one <tag>', 'run `ductape baseline <tag of the last migration the database already has>`');
  return withTarget(ctx, async (t) => {
    const { checksum, needsResolution } = await import('@ductape/sdk');
    const local = await loadMigrations(t.project.migrationsDir, ctx.cwd);
    const upTo = local.slice(0, findLocal(local, ref) + 1);
    const recorded = await holdLock(t.adapter, async () => {
      const history = new Map((await t.engine.getHistoryRows()).map((e) => [e.name, e]));
      const rows: HistoryEntry[] = [];
      for (const l of upTo) {
        const sum = checksum(l.migration);
        const e = history.get(l.migration.name);
        if (e && e.status === 'applied' && e.direction === 'up' && e.checksum === sum) continue;
        if (e)
          throw new CliError(
            ErrorCodes.baselineConflict,
            `"${l.tag}" already has a history row (${e.status}, ${e.direction}${e.checksum === sum ? '' : ', other checksum'})`,
            'baseline only records migrations the history does not have; resolve that row first (`ductape repair`, `ductape status`)',
          );
        // Recorded as written: what an op replaced is already gone, so it cannot be read back
        // (the down of such a migration is refused before IO, as irreversible).
        const steps = needsResolution(l.migration) ? l.migration.up.length : t.engine.plan(l.migration, 'up').steps.length;
        const now = new Date();
        rows.push({
          name: l.migration.name,
          tag: l.tag,
          checksum: sum,
          status: 'applied',
          direction: 'up',
          appliedAt: now,
          startedAt: now,
          executionMs: 0,
          stepsApplied: steps,
          stepsTotal: steps,
          error: null,
          appliedBy: `${CLI_OWNER} (baseline)`,
          migration: l.migration,
        });
      }
      for (const row of rows) await t.adapter.history.save(row);
      return rows;
    });
    ctx.out.line(
      recorded.length === 0
        ? 'nothing to record: already baselined'
        : `${ctx.out.c.green('recorded as applied')} ${recorded.length} migration${recorded.length === 1 ? '' : 's'} up to ${ref} (nothing was run)`,
    );
    return { exitCode: ExitCode.ok, data: { target: t.names, recorded: recorded.map((r) => ({ tag: r.tag, name: r.name, checksum: r.checksum })) } };
  });
};
