import { type HistoryEntry, type HistoryRow, ErrorCodes } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';

/**
 * History rows no migration file accounts for, split in two: `missing` — applied from a file
 * that is gone (deleted, another branch, the wrong `--dir`) — and `historyOnly` — made in code by
 * `db.schema.*` (which never have a file) or not applied (a failed run whose file is gone).
 * Telling the two apart needs the migration of each applied row without a file: `load` reads
 * those bodies in one call (rows that carry theirs are not read again); every other row's body is
 * never read.
 * @example const { missing } = await historyWithoutFiles(await engine.getHistoryRows(), names, (r) => engine.loadMigrations(r));
 */
export async function historyWithoutFiles(
  history: readonly HistoryRow[],
  fileNames: ReadonlySet<string>,
  load: (rows: readonly HistoryRow[]) => Promise<HistoryEntry[]>,
): Promise<{ missing: HistoryEntry[]; historyOnly: HistoryRow[] }> {
  const { isSchemaIntent } = await import('@ductape/sdk');
  const candidates: HistoryRow[] = [];
  const historyOnly: HistoryRow[] = [];
  for (const e of history) {
    if (fileNames.has(e.name)) continue;
    if (e.status === 'applied' && e.direction === 'up') candidates.push(e);
    else historyOnly.push(e);
  }
  const missing: HistoryEntry[] = [];
  const fromCode = new Set<string>(); // then every name historyOnly keeps
  for (const e of candidates.length > 0 ? await load(candidates) : []) {
    if (isSchemaIntent(e.migration)) fromCode.add(e.name);
    else missing.push(e);
  }
  for (const e of historyOnly) fromCode.add(e.name);
  // historyOnly keeps the history's order, as before.
  return { missing, historyOnly: history.filter((e) => !fileNames.has(e.name) && fromCode.has(e.name)) };
}

/**
 * Refuses (before any change) to run `up` while applied migrations have no file, unless
 * `--allow-missing`: a mistyped `--dir` or a stale branch must not look like a fresh project.
 * @example assertNoneMissing(missing, 'migrations', false);
 */
export function assertNoneMissing(missing: readonly HistoryRow[], dir: string, allowed: boolean): void {
  if (missing.length === 0 || allowed) return;
  const list = missing.map((e) => e.tag);
  throw new CliError(
    ErrorCodes.missingMigrations,
    `${missing.length} applied migration${missing.length === 1 ? ' has' : 's have'} no file in ${dir} (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}); nothing was changed`,
    'restore the files (or pass the right --dir), or run `ductape up --allow-missing` to apply the pending ones anyway',
  );
}
