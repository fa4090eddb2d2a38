import { type HistoryRow, type Migration, type RunResult, ErrorCodes } from '@ductape/sdk';
import { CliError, usageError } from '../cli/cli-error.js';
import { confirmDestructive } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { resultLine } from '../project/describe.js';
import { loadMigrations } from '../project/load-migrations.js';
import { withTarget } from '../project/open-target.js';
import { loadProject } from '../project/project-config.js';

/**
 * `ductape promote --from dev --to staging`: applies on `--to`, in the order recorded, the
 * migrations applied on `--from` — each from its migration file when there is one with the
 * recorded checksum (resolved against the target's own schema), else from that history. Checked before anything runs: each recorded migration still matches
 * its recorded checksum, a migration file of the same name has that checksum, and `--to` has
 * no row of the same name with another checksum. On a `--to` of prd/prod/production the production
 * guard asks to confirm destructive operations (--yes).
 * @example ductape promote --from dev --to staging --json
 */
export const promoteCommand: CommandRun = async (ctx) => {
  const { from, to } = ctx.flags;
  if (typeof from !== 'string' || typeof to !== 'string') throw usageError('promote needs --from <env> and --to <env>', 'run `ductape promote --from dev --to staging`');
  if (from === to) throw usageError(`promote: --from and --to both name "${from}"`, 'run `ductape promote --from <env> --to <another env>`');
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const { ChecksumMismatchError, checksum } = await import('@ductape/sdk');
  const files = new Map((await loadMigrations(project.migrationsDir, ctx.cwd)).map((l) => [l.migration.name, l.migration]));
  // The source's applied rows; a body is read only for a row without a file (it is what is replayed).
  const source = await withTarget(
    ctx,
    async (t) => {
      const rows = (await t.engine.getHistoryRows()).filter((e) => e.status === 'applied' && e.direction === 'up');
      const bodies = new Map((await t.engine.loadMigrations(rows.filter((e) => !files.has(e.name)))).map((e) => [e.name, e.migration]));
      return rows.map((e) => ({ ...e, migration: bodies.get(e.name) }));
    },
    { env: from, project },
  );
  // What is replayed: the migration file as written when there is one (the engine resolves it
  // against the target's own schema, and records the same checksum as the source did), else the
  // migration stored in the source's history (db.schema.* migrations have no file).
  const replay = new Map<string, Migration>();
  for (const e of source) {
    const file = files.get(e.name);
    if (file && checksum(file) !== e.checksum) throw new ChecksumMismatchError(e.name, e.checksum, checksum(file));
    const actual = file ? e.checksum : checksum(e.migration as Migration);
    if (!file && actual !== e.checksum)
      throw new CliError(
        ErrorCodes.checksumMismatch,
        `the history of "${from}" records "${e.tag}" with checksum ${e.checksum.slice(0, 12)}… but its stored migration sums to ${actual.slice(0, 12)}…`,
        'the history row was edited (or the migration file is missing: put it back in the migrations directory); repair it on that environment first; nothing was changed',
      );
    replay.set(e.name, file ? { ...file, tag: e.tag } : (e.migration as Migration));
  }
  return withTarget(
    ctx,
    async (t) => {
      const target = new Map((await t.engine.getHistoryRows()).map((e) => [e.name, e]));
      const todo: HistoryRow[] = [];
      for (const e of source) {
        const there = target.get(e.name);
        if (there && there.checksum !== e.checksum) throw new ChecksumMismatchError(e.name, there.checksum, e.checksum);
        if (!(there && there.status === 'applied' && there.direction === 'up')) todo.push(e);
      }
      const migrations = todo.map((e) => replay.get(e.name) as Migration);
      await confirmDestructive(
        ctx,
        'promote',
        to,
        migrations.map((m) => ({ tag: m.tag, operations: m.up })),
      );
      const results: RunResult[] = migrations.length > 0 ? await t.engine.upAll(migrations) : [];
      t.progress.stop();
      const names = new Set(source.map((e) => e.name));
      const onlyThere = [...target.values()].filter((e) => !names.has(e.name)).map((e) => e.tag);
      const { out } = ctx;
      out.line(out.c.bold(`promote ${from} → ${to} (${t.names.product}/${t.names.database})`));
      for (const r of results) out.line(`  ${out.c.green(resultLine(r))}`);
      if (onlyThere.length > 0) out.note(`${out.ce.yellow('note')} ${to} has migrations ${from} has not: ${onlyThere.join(', ')}`);
      out.line(results.length === 0 ? `${to} already has every migration of ${from}` : `${results.length} migration${results.length === 1 ? '' : 's'} promoted`);
      return { exitCode: ExitCode.ok, data: { from, to, product: t.names.product, database: t.names.database, promoted: results.length, results, onlyInTarget: onlyThere } };
    },
    { env: to, project },
  );
};
