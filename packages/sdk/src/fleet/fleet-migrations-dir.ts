import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuctapeError, ErrorCodes, InvalidArgumentError, type Migration } from '@ductape/core';

const EXTENSIONS = /\.(mjs|js|ts|mts)$/;
const TYPESCRIPT = /\.m?ts$/;
const TAG = /^\d{8}_\d{6}_.+$/;

/** The migrations read from a project's directory for a fleet run. */
export interface DirectoryMigrations {
  readonly dir: string;
  /** Every built migration, in file-name order (a file named by a tag gives its migration that tag). */
  readonly migrations: readonly Migration[];
  /** Tags of the drafts left out (files whose migration has no operations yet). */
  readonly drafts: readonly string[];
}

/**
 * The migrations directory of a project as `ductape up` picks it without `--dir`: `migrationsDir`
 * of the config (relative to the config file), else `migrations/` beside the config file, else
 * `migrations/` in `cwd` (no config file, or a config passed in code).
 * @example migrationsDirOf({ file: '/app/ductape.config.mjs', value: { migrationsDir: 'db/migrations' } }, '/app') // '/app/db/migrations'
 */
export function migrationsDirOf(config: { readonly file: string; readonly value: { readonly migrationsDir?: string } } | undefined, cwd: string): string {
  const base = config && isAbsolute(config.file) ? dirname(config.file) : cwd;
  const dir = config?.value.migrationsDir;
  return typeof dir === 'string' ? (isAbsolute(dir) ? dir : join(base, dir)) : join(base, 'migrations');
}

/**
 * Reads every migration file of `dir` (.mjs, .js, .ts, .mts; TypeScript through the optional
 * `tsx`), in file-name order, as the CLI does: a file exports a built migration as `migration` or
 * as its default export; a draft (a migration without operations yet) is left out and listed.
 * A missing directory, a file that cannot be loaded or two files with one migration name is a
 * DuctapeError saying what to do; nothing is migrated then.
 * @example const { migrations } = await readMigrationsDir('/app/migrations', '/app');
 */
export async function readMigrationsDir(dir: string, cwd: string): Promise<DirectoryMigrations> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    throw new DuctapeError(
      ErrorCodes.noMigrationsDir,
      `the migrations directory ${rel(cwd, dir)} ${code === 'ENOTDIR' ? 'is not a directory' : 'does not exist'}`,
      'pass { migrations: [...] } to fleet(…).up(), set migrationsDir in ductape.config.*, or create the directory with `ductape new <name>`',
    );
  }
  const files = names.filter((f) => EXTENSIONS.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.')).sort();
  const migrations: Migration[] = [];
  const drafts: string[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    const stem = name.replace(EXTENSIONS, '');
    const loaded = await loadOne(file, cwd);
    if (loaded === 'draft') {
      drafts.push(stem);
      continue;
    }
    const other = seen.get(loaded.name);
    if (other)
      throw new DuctapeError(
        ErrorCodes.duplicateMigration,
        `${rel(cwd, file)} and ${rel(cwd, other)} both define migration "${loaded.name}"`,
        'give each migration its own name (history identifies a migration by name)',
      );
    seen.set(loaded.name, file);
    migrations.push(TAG.test(stem) && stem !== loaded.tag ? { ...loaded, tag: stem } : loaded);
  }
  return { dir, migrations, drafts };
}

async function loadOne(file: string, cwd: string): Promise<Migration | 'draft'> {
  const url = pathToFileURL(file).href;
  let mod: unknown;
  try {
    mod = TYPESCRIPT.test(file) ? await (await tsImport(file, cwd))(url, import.meta.url) : await import(url);
  } catch (error) {
    if (error instanceof DuctapeError && error.code === ErrorCodes.migrationLoad) throw error;
    if (isEmptyMigration(error)) return 'draft';
    const message = error instanceof Error ? error.message : String(error);
    throw new DuctapeError(ErrorCodes.migrationLoad, `${rel(cwd, file)} could not be loaded: ${message}`, 'fix the file; `ductape new <name>` writes a template');
  }
  const top = mod as { migration?: unknown; default?: { migration?: unknown; default?: unknown } } | undefined;
  for (const candidate of [top?.migration, top?.default, top?.default?.default, top?.default?.migration]) {
    const m = candidate as Partial<Migration> | undefined;
    if (typeof m === 'object' && m !== null && typeof m.name === 'string' && Array.isArray(m.up) && Array.isArray(m.down)) return m as Migration;
  }
  throw new DuctapeError(ErrorCodes.migrationLoad, `${rel(cwd, file)} exports no built migration`, "export one: `export default migration('name')….build()` (or a named export `migration`)");
}

type TsImport = (specifier: string, parent: string) => Promise<unknown>;

async function tsImport(file: string, cwd: string): Promise<TsImport> {
  let api: { tsImport?: TsImport };
  try {
    api = (await import('tsx/esm/api' as string)) as typeof api;
  } catch {
    throw new DuctapeError(
      ErrorCodes.migrationLoad,
      `${rel(cwd, file)} is TypeScript, and loading it needs the optional package tsx`,
      'run `npm install -D tsx` (4.10 or later), or write the migration as .mjs',
    );
  }
  if (typeof api.tsImport !== 'function') throw new InvalidArgumentError('tsx', 'tsx 4.10 or later (it has tsImport)', 'an older tsx');
  return api.tsImport;
}

// The builder refuses a migration without operations (`empty_migration`) while its module is evaluated: a draft.
function isEmptyMigration(error: unknown): boolean {
  const e = error as { code?: unknown; issues?: unknown };
  return e?.code === ErrorCodes.validation && Array.isArray(e.issues) && e.issues.length > 0 && e.issues.every((i: { code?: unknown }) => i?.code === 'empty_migration');
}

function rel(cwd: string, file: string): string {
  const r = relative(cwd, file);
  return r.startsWith('..') || isAbsolute(r) ? file : r;
}
