import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from '@ductape/sdk';
import { CliError } from '../cli/cli-error.js';

/** A migration file of the project and the built migration it exports. */
export interface LocalMigration {
  readonly file: string;
  readonly tag: string;
  readonly migration: Migration;
}

const EXTENSIONS = /\.(mjs|js|ts|mts)$/;
const TAG = /^\d{8}_\d{6}_.+$/;

/**
 * Every migration file in `dir` (.mjs, .js, .ts, .mts), in file-name order. A file exports a built
 * migration as `migration` or as its default export. A file named by a tag
 * (`20240115_143052_add_phone.mjs`) gives the migration that tag. TypeScript files load through
 * `tsx`, imported only when one is present. A missing directory holds no migrations.
 * @example const local = await loadMigrations('/app/migrations', '/app');
 */
export async function loadMigrations(dir: string, cwd: string): Promise<LocalMigration[]> {
  const files = migrationFiles(dir);
  const loader = fileLoader(cwd);
  const loaded = await Promise.all(files.map((f) => loader(join(dir, f))));
  assertUniqueNames(loaded.map((l) => ({ file: l.file, name: l.migration.name })), cwd);
  return loaded;
}

/**
 * The names of the migration files in `dir`, sorted (none when it does not exist).
 * @example migrationFiles('/app/migrations') // ['20240115_143052_add_phone.mjs']
 */
export function migrationFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => EXTENSIONS.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.'))
    .sort();
}

/**
 * Refuses two files defining the same migration name (history identifies a migration by name).
 * @example assertUniqueNames([{ file: '/app/migrations/a.mjs', name: 'a' }], '/app')
 */
export function assertUniqueNames(items: readonly { file: string; name: string }[], cwd: string): void {
  const seen = new Map<string, string>();
  for (const l of items) {
    const other = seen.get(l.name);
    if (other) throw new CliError('DUCTAPE_DUPLICATE_MIGRATION', `${rel(cwd, l.file)} and ${rel(cwd, other)} both define migration "${l.name}"`, 'give each migration its own name (history identifies a migration by name)');
    seen.set(l.name, l.file);
  }
}

/**
 * A loader of single migration files; tsx is imported once, and only for a TypeScript file.
 * @example const load = fileLoader(cwd); const one = await load('/app/migrations/x.mjs');
 */
export function fileLoader(cwd: string): (file: string) => Promise<LocalMigration> {
  let tsx: Promise<TsImport> | undefined;
  return (file) => {
    if (!/\.m?ts$/.test(file)) return loadOne(file, basename(file), cwd, undefined);
    tsx ??= loadTsx();
    return tsx.then((t) => loadOne(file, basename(file), cwd, t));
  };
}

type TsImport = (specifier: string, parent: string) => Promise<unknown>;

async function loadOne(file: string, name: string, cwd: string, tsImport: TsImport | undefined): Promise<LocalMigration> {
  const url = pathToFileURL(file).href;
  let mod: { migration?: unknown; default?: unknown };
  try {
    mod = (/\.m?ts$/.test(name) && tsImport ? await tsImport(url, import.meta.url) : await import(url)) as typeof mod;
  } catch (error) {
    const e = error as { message?: string; hint?: string; code?: string };
    const hint = typeof e.hint === 'string' ? e.hint : 'fix the file; `ductape new <name>` writes a template';
    const message = typeof e.message === 'string' && typeof e.hint === 'string' ? e.message.replace(` — ${e.hint}`, '') : String(e.message ?? error);
    throw new CliError('DUCTAPE_MIGRATION_LOAD', `${rel(cwd, file)} could not be loaded: ${message}`, hint);
  }
  const m = pickMigration(mod);
  if (!m) {
    throw new CliError('DUCTAPE_MIGRATION_LOAD', `${rel(cwd, file)} exports no built migration`, "export one: `export default migration('name')….build()` (or a named export `migration`)");
  }
  const stem = name.replace(EXTENSIONS, '');
  const tag = TAG.test(stem) ? stem : m.tag;
  return { file, tag, migration: tag === m.tag ? m : { ...m, tag } };
}

function pickMigration(mod: { migration?: unknown; default?: unknown }): Migration | undefined {
  for (const candidate of [mod.migration, mod.default]) {
    const m = candidate as Partial<Migration> | undefined;
    if (typeof m === 'object' && m !== null && typeof m.name === 'string' && Array.isArray(m.up) && Array.isArray(m.down)) return m as Migration;
  }
  return undefined;
}

async function loadTsx(): Promise<TsImport> {
  const api = (await import('tsx/esm/api')) as { tsImport: TsImport };
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
  if (i < 0) throw new CliError('DUCTAPE_NOT_FOUND', `no migration file has the tag or name "${ref}"`, 'run `ductape status` for the tags', 2);
  return i;
}
