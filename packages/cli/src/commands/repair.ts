import { type HistoryEntry, type HistoryRow, ErrorCodes } from '@ductape/sdk';
import { CliError, usageError } from '../cli/cli-error.js';
import { confirm } from '../cli/confirm.js';
import { confirmFindings } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { entryJson } from '../project/describe.js';
import { holdLock } from '../project/hold-lock.js';
import { loadMigrations } from '../project/load-migrations.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape repair [<tag|name>] --mark rolled-back|applied`: resolves a migration recorded as
 * failed (or interrupted, or a rollback stopped part-way). `rolled-back` removes its history row
 * (you undid its steps by hand); `applied` records it as fully applied (you finished it by hand),
 * with the migration file's definition when there is one. Asks first unless --yes (on
 * prd/prod/production through the production guard: --yes or DUCTAPE_CONFIRM_DESTRUCTIVE=1).
 * @example ductape repair 20240115_143052_add_phone --mark applied --yes
 */
export const repairCommand: CommandRun = (ctx) => {
  const mark = ctx.flags.mark;
  if (mark !== 'rolled-back' && mark !== 'applied')
    throw usageError('repair needs --mark rolled-back or --mark applied', 'run `ductape repair <tag> --mark rolled-back` (you undid it by hand) or `--mark applied` (you finished it)');
  if (ctx.positionals.length > 1) throw usageError('repair takes at most one <tag|name>', 'run `ductape repair <tag> --mark …`');
  return withTarget(ctx, async (t) => {
    const history = await t.engine.getHistoryRows();
    const broken = history.filter((e) => e.status !== 'applied' || e.direction === 'down');
    const [entry] = (await t.engine.loadMigrations([pick(broken, history, ctx.positionals[0])])) as [HistoryEntry]; // that row's body only
    const question = mark === 'rolled-back' ? `Remove the history row of "${entry.name}" (${entry.stepsApplied} of ${entry.stepsTotal} steps applied)?` : `Record "${entry.name}" as applied?`;
    const { isProtectedEnvironment } = await import('@ductape/sdk');
    // On production the production guard decides (the same flags and error as up/down/promote).
    if (isProtectedEnvironment(t.names.env)) {
      const reason =
        mark === 'rolled-back'
          ? `removes its history row although ${entry.stepsApplied} of ${entry.stepsTotal} steps were applied (the next up runs it from the start)`
          : `records it as applied without running its remaining ${entry.stepsTotal - entry.stepsApplied} steps`;
      await confirmFindings(ctx, 'repair', t.names.env, [{ tag: entry.tag, index: 0, type: 'repair', operation: `repair --mark ${mark}`, reason }]);
    } else await confirm(ctx, question);
    const local = (await loadMigrations(t.project.migrationsDir, ctx.cwd)).find((l) => l.migration.name === entry.name);
    const { checksum } = await import('@ductape/sdk');
    const migration = local?.migration ?? entry.migration;
    const fixed: HistoryEntry = {
      ...entry,
      migration,
      tag: local?.tag ?? entry.tag,
      checksum: checksum(migration),
      status: 'applied',
      direction: 'up',
      appliedAt: new Date(),
      stepsApplied: entry.stepsTotal,
      error: null,
    };
    await holdLock(t.adapter, () => (mark === 'rolled-back' ? t.adapter.history.remove(entry.name) : t.adapter.history.save(fixed)));
    ctx.out.line(`${ctx.out.c.green(mark === 'rolled-back' ? 'removed' : 'marked applied')} ${entry.tag}`);
    return { exitCode: ExitCode.ok, data: { target: t.names, mark, migration: { tag: entry.tag, name: entry.name }, before: entryJson(entry) } };
  });
};

function pick(broken: readonly HistoryRow[], all: readonly HistoryRow[], ref: string | undefined): HistoryRow {
  if (ref !== undefined) {
    const e = all.find((x) => x.tag === ref || x.name === ref);
    if (!e) throw usageError(`"${ref}" is not in the history`, 'run `ductape history` for the tags');
    if (!broken.includes(e))
      throw new CliError(ErrorCodes.notFailed, `"${ref}" is applied; repair only resolves failed or interrupted migrations`, 'use `ductape down` to roll back an applied migration');
    return e;
  }
  if (broken.length === 1) return broken[0] as HistoryRow;
  if (broken.length === 0) throw new CliError(ErrorCodes.notFailed, 'no migration is recorded as failed or interrupted', 'nothing to repair; `ductape status` shows the state');
  throw usageError(`${broken.length} migrations need repair (${broken.map((e) => e.tag).join(', ')})`, 'name one: `ductape repair <tag> --mark …`');
}
