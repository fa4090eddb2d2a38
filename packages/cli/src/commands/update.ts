import { type UpdateOptions, type UpdateRequest, type UpdateResult, ErrorCodes } from '@ductape/sdk';
import { CliError, usageError } from '../cli/cli-error.js';
import type { CommandContext, CommandRun } from '../cli/command-types.js';
import { confirmFindings } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import { updateProgressView } from '../cli/update-progress.js';
import { targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape update --table <t> --set '<json>' [--where '<json>'] [--dry-run] [--batch-size N]
 * [--max-lock-ms N]`: the sdk's `db.update` (a data migration in batches along the primary key)
 * on the target. `--dry-run` changes nothing: the rows it would update and the statements per
 * batch. Every run is checked (columns, values against the column types) before any row is
 * touched; on prd/prod/production it asks first unless --yes or DUCTAPE_CONFIRM_DESTRUCTIVE=1
 * (the production guard). A progress bar on stderr when stderr is a terminal; one summary line.
 * @example ductape update --table users --set '{"full_name":{"$CONCAT":["first_name"," ","last_name"]}}' --where '{"full_name":null}'
 */
export const updateCommand: CommandRun = (ctx) => {
  const request = requestOf(ctx);
  const options = optionsOf(ctx);
  return withTarget(ctx, async (t) => {
    const { out } = ctx;
    if (ctx.flags['dry-run'] === true) {
      const dry = await t.db.update(request, { ...options, dryRun: true });
      const count = dry.dryRun?.rowsToUpdate ?? 0;
      out.line(`${out.c.bold(targetLabel(t.names))}: dry run, nothing was changed`);
      out.line(`would update ${count} row${count === 1 ? '' : 's'} of ${request.table}`);
      for (const s of dry.dryRun?.statements ?? []) {
        out.line(`  ${out.c.dim(`-- ${s.description}`)}`);
        if (s.text) out.line(`  ${s.text.split('\n').join('\n  ')}`);
        if (s.params) out.line(`  ${out.c.dim(`params: ${JSON.stringify(s.params)}`)}`);
        if (s.command) out.line(`  ${JSON.stringify(s.command)}`);
      }
      return { exitCode: ExitCode.ok, data: { target: t.names, table: request.table, dryRun: true, rowsToUpdate: count, statements: dry.dryRun?.statements ?? [] } };
    }
    const { destructiveConfirmed, isProtectedEnvironment } = await import('@ductape/sdk');
    if (isProtectedEnvironment(t.names.env) && !destructiveConfirmed({ confirm: ctx.flags.yes === true }, ctx.vars)) {
      // Checked and counted first (reads only), so the question says how many rows, and a
      // request the database would refuse is refused before it is asked.
      const count = (await t.db.update(request, { ...options, dryRun: true })).dryRun?.rowsToUpdate ?? 0;
      await confirmFindings(ctx, 'update', t.names.env, [
        { tag: request.table, index: 0, type: 'update', operation: `update ${request.table}`, reason: `changes the values of ${count} row${count === 1 ? '' : 's'} (the rows matching --where now)` },
      ]).catch((error: unknown) => {
        if (!(error instanceof CliError) || error.code !== ErrorCodes.confirmationRequired) throw error;
        throw new CliError(
          error.code,
          error.message,
          'pass --yes, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1, to confirm (the same command with --dry-run shows the rows and statements first)',
          error.exitCode,
        );
      });
    }
    const view = updateProgressView(out);
    let result: UpdateResult;
    const started = Date.now();
    try {
      result = await t.db.update(request, { ...options, onProgress: view.onProgress });
    } finally {
      view.stop();
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(result.rowsUpdated / seconds) : result.rowsUpdated;
    out.line(
      `${out.c.green('updated')} ${result.rowsUpdated} row${result.rowsUpdated === 1 ? '' : 's'} of ${request.table} in ${result.batches} batch${result.batches === 1 ? '' : 'es'} (${seconds.toFixed(1)} s, ${rate} rows/s, longest batch ${result.longestBatchMs ?? 0} ms)`,
    );
    return {
      exitCode: ExitCode.ok,
      data: { target: t.names, table: request.table, dryRun: false, rowsUpdated: result.rowsUpdated, batches: result.batches, longestBatchMs: result.longestBatchMs ?? 0 },
    };
  });
};

function requestOf(ctx: CommandContext): UpdateRequest {
  const table = ctx.flags.table;
  const example = 'run `ductape update --table users --set \'{"full_name":null}\' --where \'{"id":{"$lt":100}}\'`';
  if (typeof table !== 'string' || table === '') throw usageError('update needs --table <table>', example);
  if (ctx.positionals.length > 0) throw usageError(`update takes no positional arguments (got "${ctx.positionals[0]}")`, example);
  const data = json(ctx.flags.set, '--set', example);
  if (data === undefined) throw usageError("update needs --set '<json>': the columns to set and their values or expressions", example);
  const where = json(ctx.flags.where, '--where', example);
  return { table, data: data as UpdateRequest['data'], ...(where === undefined ? {} : { where: where as NonNullable<UpdateRequest['where']> }) };
}

function json(value: unknown, flag: string, example: string): object | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch (error) {
    throw usageError(`update: ${flag} is not valid JSON (${(error as Error).message})`, example);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw usageError(`update: ${flag} must be a JSON object of column → value`, example);
  return parsed;
}

function optionsOf(ctx: CommandContext): UpdateOptions {
  const number = (flag: string, integer: boolean): number | undefined => {
    const raw = ctx.flags[flag];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw usageError(`update: --${flag} must be a positive ${integer ? 'whole number' : 'number'}, got "${String(raw)}"`, `run \`ductape update … --${flag} ${integer ? 5000 : 200}\``);
    return n;
  };
  const batchSize = number('batch-size', true);
  const maxLockMs = number('max-lock-ms', false);
  return { ...(batchSize === undefined ? {} : { batchSize }), ...(maxLockMs === undefined ? {} : { maxLockMs }) };
}
