import { type HistoryEntry, ErrorCodes } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';

/**
 * History rows no migration file accounts for, split in two: `missing` — applied from a file
 * that is gone (deleted, another branch, the wrong `--dir`) — and `historyOnly` — made in code by
 * `db.schema.*` (which never have a file) or not applied (a failed run whose file is gone).
 * @example const { missing } = await historyWithoutFiles(history, new Set(index.map((l) => l.name)));
 */
export async function historyWithoutFiles(history: readonly HistoryEntry[], fileNames: ReadonlySet<string>): Promise<{ missing: HistoryEntry[]; historyOnly: HistoryEntry[] }> {
  const { isSchemaIntent } = await import('@ductape/sdk');
  const missing: HistoryEntry[] = [];
  const historyOnly: HistoryEntry[] = [];
  for (const e of history) {
    if (fileNames.has(e.name)) continue;
    if (e.status === 'applied' && e.direction === 'up' && !isSchemaIntent(e.migration)) missing.push(e);
    else historyOnly.push(e);
  }
  return { missing, historyOnly };
}

/**
 * Refuses (before any change) to run `up` while applied migrations have no file, unless
 * `--allow-missing`: a mistyped `--dir` or a stale branch must not look like a fresh project.
 * @example assertNoneMissing(missing, 'migrations', false);
 */
export function assertNoneMissing(missing: readonly HistoryEntry[], dir: string, allowed: boolean): void {
  if (missing.length === 0 || allowed) return;
  const list = missing.map((e) => e.tag);
  throw new CliError(
    ErrorCodes.missingMigrations,
    `${missing.length} applied migration${missing.length === 1 ? ' has' : 's have'} no file in ${dir} (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}); nothing was changed`,
    'restore the files (or pass the right --dir), or run `ductape up --allow-missing` to apply the pending ones anyway',
  );
}
