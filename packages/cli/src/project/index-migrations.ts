import { readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { type Migration, ErrorCodes } from '@ductape/sdk';
import { ChecksumCache, isSelfContained, sha256Of, statKey } from './checksum-cache.js';
import { type LocalMigration, assertUniqueNames, fileLoader, isDraft, migrationFiles } from './load-migrations.js';
import type { Project } from './project-config.js';
import { CliError } from '../cli/cli-error.js';

/**
 * A migration file by name, tag and checksum; `migration` is present when the file was imported
 * for this run (a cache miss) and loaded on demand by `loadIndexed` otherwise. A draft (a
 * migration without operations yet) has `draft: true` and no checksum (''); it is never cached.
 */
export interface IndexedMigration {
  readonly file: string;
  readonly tag: string;
  readonly name: string;
  readonly checksum: string;
  readonly migration?: Migration;
  readonly draft?: true;
}

/** Files checked against the cache between two yields to the event loop. */
const SLICE = 250;

/**
 * Every migration file of the project with its checksum, imported only when the checksum cache
 * (`.ductape/cli-cache.json` beside the config file) cannot vouch for its current content.
 * `DUCTAPE_NO_CACHE=1` imports every file.
 * @example const index = await indexMigrations(project, process.cwd(), process.env);
 */
export async function indexMigrations(project: Project, cwd: string, vars: NodeJS.ProcessEnv): Promise<IndexedMigration[]> {
  const dir = project.migrationsDir;
  const names = migrationFiles(dir, cwd);
  if (names.length === 0) return [];
  const cache = vars.DUCTAPE_NO_CACHE ? undefined : ChecksumCache.open(cacheFile(project, cwd), dir);
  const load = fileLoader(cwd);
  const now = Date.now();
  const one = (key: string): IndexedMigration | Promise<IndexedMigration> => {
    // Keyed by file name (the cache belongs to this directory); no path.join per file.
    const file = `${dir}${sep}${key}`;
    const stat = statKey(statSync(file), now);
    const fast = stat && cache?.byStat(key, stat);
    if (fast) return { file, tag: fast.tag, name: fast.name, checksum: fast.checksum };
    return indexFile(file, key, stat);
  };
  const indexFile = async (file: string, key: string, stat: string | undefined): Promise<IndexedMigration> => {
    const text = readFileSync(file);
    const sha256 = sha256Of(text);
    const hit = cache?.get(key, sha256);
    if (hit) {
      if (stat && hit.stat !== stat) cache?.set(key, { ...hit, stat });
      return { file, tag: hit.tag, name: hit.name, checksum: hit.checksum };
    }
    const l = await load(file);
    if (isDraft(l)) return { file, tag: l.tag, name: l.name, checksum: '', draft: true };
    const { checksum } = await import('@ductape/sdk');
    const sum = checksum(l.migration);
    // Cached only if the file did not change while it was imported.
    if (cache && isSelfContained(text.toString('utf8')) && sha256Of(readFileSync(file)) === sha256) {
      const same = stat !== undefined && statKey(statSync(file), now) === stat;
      cache.set(key, { sha256, ...(same ? { stat } : {}), name: l.migration.name, tag: l.tag, checksum: sum });
    }
    return { file, tag: l.tag, name: l.migration.name, checksum: sum, migration: l.migration };
  };
  // In slices, yielding to the event loop between them: the connection that is being made at the
  // same time (module reads, round trips) goes on while the files are checked against the cache.
  const index: (IndexedMigration | Promise<IndexedMigration>)[] = [];
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const e = one(names[i] as string);
    // Awaited below (Promise.all); a file that fails while a later slice runs is not "unhandled".
    if (e instanceof Promise) e.catch(() => undefined);
    index.push(e);
  }
  const all = await Promise.all(index);
  assertUniqueNames(
    all.filter((e) => !e.draft),
    cwd,
  );
  cache?.save(new Set(names));
  return all;
}

/**
 * The migrations of `entries`, importing the files the index did not (their checksum is then
 * computed from the file as it is now, by whoever runs them).
 * @example const todo = await loadIndexed(pending, process.cwd());
 */
export async function loadIndexed(entries: readonly IndexedMigration[], cwd: string): Promise<LocalMigration[]> {
  const load = fileLoader(cwd);
  return Promise.all(
    entries.map(async (e) => {
      if (e.migration) return { file: e.file, tag: e.tag, migration: e.migration };
      const l = await load(e.file);
      if (isDraft(l)) throw new CliError(ErrorCodes.migrationLoad, `${e.file} lost its operations while ductape ran`, 'run the command again');
      return l;
    }),
  );
}

function cacheFile(project: Project, cwd: string): string {
  return join(project.configFile ? dirname(project.configFile) : cwd, '.ductape', 'cli-cache.json');
}
