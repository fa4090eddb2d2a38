import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Migration, ErrorCodes } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';

/** A migration file of the project and the built migration it exports. */
export interface LocalMigration {
  readonly file: string;
  readonly tag: string;
  readonly migration: Migration;
}

/**
 * A migration file that builds a migration without operations yet, as `ductape new` writes it:
 * a draft. It never stops the others: `status` lists it as `draft`, `up` skips it with a
 * warning, `lint` flags it.
 */
export interface DraftMigration {
  readonly file: string;
  readonly tag: string;
  readonly name: string;
  readonly draft: true;
}

const EXTENSIONS = /\.(mjs|js|ts|mts)$/;
const TAG = /^\d{8}_\d{6}_.+$/;
const TYPESCRIPT = /\.m?ts$/;

/**
 * Every migration file in `dir` (.mjs, .js, .ts, .mts), in file-name order, without the drafts
 * (files whose migration has no operations yet). A file exports a built migration as `migration`
 * or as its default export. A file named by a tag (`20240115_143052_add_phone.mjs`) gives the
 * migration that tag. TypeScript files load through `tsx`, imported only when one is present.
 * A missing directory is a usage error (`DUCTAPE_NO_MIGRATIONS_DIR`).
 * @example const local = await loadMigrations('/app/migrations', '/app');
 */
export async function loadMigrations(dir: string, cwd: string): Promise<LocalMigration[]> {
  return (await loadMigrationFiles(dir, cwd)).migrations;
}

/**
 * A migration file that could not be loaded (it throws, e.g. its `build()` refuses the migration,
 * or exports no built migration): kept apart, with its DUCTAPE_MIGRATION_LOAD error, only when
 * asked for (`plan` shows it among the others); every other command stops at it.
 */
export interface BrokenMigration {
  readonly file: string;
  /** The file's name without extension (its tag when it is named by one). */
  readonly tag: string;
  readonly name: string;
  readonly error: CliError;
}

/**
 * Every migration file in `dir`, in file-name order, split into built migrations and drafts
 * (and, with `keepBroken`, files that could not be loaded, instead of stopping at the first).
 * @example const { migrations, drafts } = await loadMigrationFiles('/app/migrations', '/app');
 */
export async function loadMigrationFiles(
  dir: string,
  cwd: string,
  options: { readonly keepBroken?: boolean } = {},
): Promise<{ migrations: LocalMigration[]; drafts: DraftMigration[]; broken: BrokenMigration[] }> {
  const files = migrationFiles(dir, cwd);
  const loader = fileLoader(cwd);
  const load = (file: string): Promise<LocalMigration | DraftMigration | BrokenMigration> => (options.keepBroken ? loader(file).catch((error: unknown) => brokenOf(error, file)) : loader(file));
  const loaded = await Promise.all(files.map((f) => load(join(dir, f))));
  const broken = loaded.filter((l): l is BrokenMigration => 'error' in l);
  const migrations = loaded.filter((l): l is LocalMigration => 'migration' in l);
  assertUniqueNames(
    migrations.map((l) => ({ file: l.file, name: l.migration.name })),
    cwd,
  );
  return { migrations, drafts: loaded.filter((l): l is DraftMigration => 'draft' in l), broken };
}

function brokenOf(error: unknown, file: string): BrokenMigration {
  if (!(error instanceof CliError) || error.code !== ErrorCodes.migrationLoad) throw error;
  const tag = basename(file).replace(EXTENSIONS, '');
  return { file, tag, name: tag.replace(/^\d{8}_\d{6}_/, ''), error };
}

/**
 * Whether a loaded file is a draft (a migration without operations yet).
 * @example isDraft(await load(file))
 */
export function isDraft(l: LocalMigration | DraftMigration | BrokenMigration): l is DraftMigration {
  return 'draft' in l && l.draft;
}

/**
 * The names of the migration files in `dir`, sorted. A missing directory (or a file in its
 * place) is a usage error, exit 2: a mistyped `--dir` must not look like an empty project.
 * @example migrationFiles('/app/migrations', '/app') // ['20240115_143052_add_phone.mjs']
 */
export function migrationFiles(dir: string, cwd: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const what = code === 'ENOTDIR' ? 'is not a directory' : 'does not exist';
    throw new CliError(
      ErrorCodes.noMigrationsDir,
      `the migrations directory ${rel(cwd, dir)} ${what}`,
      'run `ductape new <name>` to create it with a first migration, or pass --dir <path> (or set migrationsDir in ductape.config.*)',
      ExitCode.usage,
    );
  }
  return names.filter((f) => EXTENSIONS.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.')).sort();
}

/**
 * Refuses two files defining the same migration name (history identifies a migration by name).
 * @example assertUniqueNames([{ file: '/app/migrations/a.mjs', name: 'a' }], '/app')
 */
export function assertUniqueNames(items: readonly { file: string; name: string }[], cwd: string): void {
  const seen = new Map<string, string>();
  for (const l of items) {
    const other = seen.get(l.name);
    if (other)
      throw new CliError(
        ErrorCodes.duplicateMigration,
        `${rel(cwd, l.file)} and ${rel(cwd, other)} both define migration "${l.name}"`,
        'give each migration its own name (history identifies a migration by name)',
      );
    seen.set(l.name, l.file);
  }
}

/**
 * A loader of single migration files; tsx is imported once, and only for a TypeScript file.
 * @example const load = fileLoader(cwd); const one = await load('/app/migrations/x.mjs');
 */
export function fileLoader(cwd: string): (file: string) => Promise<LocalMigration | DraftMigration> {
  let tsx: Promise<TsImport> | undefined;
  return (file) => {
    if (!TYPESCRIPT.test(file)) return loadOne(file, cwd, undefined);
    tsx ??= loadTsx(file, cwd);
    return tsx.then((t) => loadOne(file, cwd, t));
  };
}

async function loadOne(file: string, cwd: string, tsImport: TsImport | undefined): Promise<LocalMigration | DraftMigration> {
  const name = basename(file);
  const stem = name.replace(EXTENSIONS, '');
  const url = pathToFileURL(file).href;
  let mod: unknown;
  try {
    mod = tsImport ? await tsImport(url, import.meta.url) : await import(url);
  } catch (error) {
    const draftName = emptyMigrationName(error);
    if (draftName !== undefined) return { file, tag: stem, name: TAG.test(stem) ? stem.replace(/^\d{8}_\d{6}_/, '') : draftName, draft: true };
    throw loadError(error, file, cwd);
  }
  const m = pickMigration(mod);
  if (!m) {
    throw new CliError(ErrorCodes.migrationLoad, `${rel(cwd, file)} exports no built migration`, "export one: `export default migration('name')….build()` (or a named export `migration`)");
  }
  const tag = TAG.test(stem) ? stem : m.tag;
  return { file, tag, migration: tag === m.tag ? m : { ...m, tag } };
}

// The builder refuses a migration without operations (`empty_migration`) while the module is
// evaluated: that file is a draft, and this is its migration's name.
function emptyMigrationName(error: unknown): string | undefined {
  const e = error as { code?: unknown; issues?: unknown; message?: unknown };
  if (e?.code !== ErrorCodes.validation || !Array.isArray(e.issues) || e.issues.length === 0) return undefined;
  if (!e.issues.every((i: { code?: unknown }) => i?.code === 'empty_migration')) return undefined;
  return /^migration "([^"]+)"/.exec(String(e.message))?.[1] ?? '';
}

function loadError(error: unknown, file: string, cwd: string): CliError {
  const e = error as { message?: string; hint?: string; code?: string };
  if (e?.code === 'ERR_REQUIRE_ESM' && TYPESCRIPT.test(file)) {
    return new CliError(
      ErrorCodes.migrationLoad,
      `${rel(cwd, file)} could not be loaded: its package is CommonJS, and this Node.js (${process.version}) cannot require() the ESM-only @ductape/sdk`,
      'use Node.js 20.19+ or 22.12+, or name the file .mts, or add "type": "module" to package.json',
    );
  }
  const hint = typeof e?.hint === 'string' ? e.hint : 'fix the file; `ductape new <name>` writes a template';
  const message = typeof e?.message === 'string' && typeof e.hint === 'string' ? e.message.split(` — ${e.hint}`).join('') : String(e?.message ?? error);
  return new CliError(ErrorCodes.migrationLoad, `${rel(cwd, file)} could not be loaded: ${message}`, hint);
}

// ESM: `export default` or `export const migration`. A `.ts` file of a CommonJS package is
// compiled to CommonJS by tsx, so its exports arrive one level down: `default.default`,
// `default.migration`.
function pickMigration(mod: unknown): Migration | undefined {
  const top = mod as { migration?: unknown; default?: { migration?: unknown; default?: unknown } } | undefined;
  for (const candidate of [top?.migration, top?.default, top?.default?.default, top?.default?.migration]) {
    const m = candidate as Partial<Migration> | undefined;
    if (typeof m === 'object' && m !== null && typeof m.name === 'string' && Array.isArray(m.up) && Array.isArray(m.down)) return m as Migration;
  }
  return undefined;
}

type TsImport = (specifier: string, parent: string) => Promise<unknown>;

/**
 * tsx, an optional peer dependency, imported only for TypeScript files, from beside the CLI
 * (where npm, yarn and pnpm put the tsx of the project that installs @ductape/cli).
 */
async function loadTsx(file: string, cwd: string): Promise<TsImport> {
  let api: { tsImport?: TsImport };
  try {
    api = (await import('tsx/esm/api')) as { tsImport?: TsImport };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') || !String((error as Error).message).includes("'tsx'")) throw error;
    throw new CliError(
      ErrorCodes.tsxMissing,
      `${rel(cwd, file)} is TypeScript, and loading it needs the optional package tsx, which is not installed`,
      'run `npm install -D tsx` (any 4.x from 4.10), or write the migration as .mjs (`ductape new <name>` without --ts)',
    );
  }
  if (typeof api.tsImport !== 'function')
    throw new CliError(ErrorCodes.tsxMissing, `${rel(cwd, file)} is TypeScript, and the installed tsx has no tsImport (it is older than 4.10)`, 'run `npm install -D tsx@4` to update it');
  return api.tsImport;
}

function rel(cwd: string, file: string): string {
  const r = relative(cwd, file);
  return r.startsWith('..') ? file : r;
}

/**
 * The local migration whose tag (or name) is `ref`, or a usage-style error listing nothing found.
 * @example findLocal(local, '20240115_143052_add_phone')
 */
export function findLocal(local: readonly { readonly tag: string; readonly name?: string; readonly migration?: { readonly name: string } }[], ref: string): number {
  const i = local.findIndex((l) => l.tag === ref || (l.name ?? l.migration?.name) === ref);
  if (i < 0) throw new CliError(ErrorCodes.notFound, `no migration file has the tag or name "${ref}"`, 'run `ductape status` for the tags', 2);
  return i;
}
