import { createHash } from 'node:crypto';
import { type Stats, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * What the cache remembers of one migration file, valid for the content hashed as `sha256`;
 * `stat` (inode, size, mtime, ctime) lets an untouched file skip even the read.
 */
export interface CachedMigration {
  readonly sha256: string;
  readonly stat?: string;
  readonly name: string;
  readonly tag: string;
  readonly checksum: string;
}

interface CacheDocument {
  readonly stamp: string;
  readonly files: { readonly [file: string]: CachedMigration };
}

const FORMAT = 'ductape-cli-checksums/1';

/**
 * The checksums of a directory's migration files (by file name) already imported once, in `.ductape/cli-cache.json`, so
 * `status` and `up` need not import every file on every run. An entry is used only when the
 * file's content still hashes to the same SHA-256 and the stamp (node, the sdk and core the
 * files and the CLI load, by path, size and mtime) is unchanged; any other file is imported and
 * its checksum computed again, so an edited migration is still detected.
 * @example const cache = ChecksumCache.open('/app/.ductape/cli-cache.json', '/app/migrations');
 */
export class ChecksumCache {
  readonly #path: string;
  readonly #stamp: string;
  readonly #files: Map<string, CachedMigration>;
  #changed = false;

  private constructor(path: string, stamp: string, files: Map<string, CachedMigration>) {
    this.#path = path;
    this.#stamp = stamp;
    this.#files = files;
  }

  /**
   * Reads the cache at `path` (an unreadable, foreign or stale one counts as empty).
   * @example const cache = ChecksumCache.open(file, migrationsDir);
   */
  static open(path: string, migrationsDir: string): ChecksumCache {
    const stamp = cacheStamp(migrationsDir);
    let files = new Map<string, CachedMigration>();
    try {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as CacheDocument;
      if (doc.stamp === stamp && typeof doc.files === 'object' && doc.files !== null) files = new Map(Object.entries(doc.files));
    } catch {
      // no cache yet, or not ours: start empty
    }
    return new ChecksumCache(path, stamp, files);
  }

  /**
   * The entry of `file` if it was cached for content with this hash.
   * @example cache.get('20240115_143052_add_phone.mjs', sha256Of(text))?.checksum
   */
  get(file: string, sha256: string): CachedMigration | undefined {
    const e = this.#files.get(file);
    return e && e.sha256 === sha256 ? e : undefined;
  }

  /**
   * The entry of `file` if it was cached with exactly this `statKey` (the file was not touched).
   * @example cache.byStat('20240115_143052_add_phone.mjs', statKey(statSync(file), Date.now()))
   */
  byStat(file: string, stat: string): CachedMigration | undefined {
    const e = this.#files.get(file);
    return e?.stat !== undefined && e.stat === stat ? e : undefined;
  }

  /**
   * Remembers `file`'s entry (written by `save`).
   * @example cache.set('20240115_143052_add_phone.mjs', { sha256, name, tag, checksum });
   */
  set(file: string, entry: CachedMigration): void {
    this.#files.set(file, entry);
    this.#changed = true;
  }

  /**
   * Drops the entries of files not in `keep`, then writes the cache if anything changed:
   * atomically (a temporary file renamed), and silently not at all when it cannot be written.
   * @example cache.save(new Set(['20240115_143052_add_phone.mjs']));
   */
  save(keep: ReadonlySet<string>): void {
    for (const file of this.#files.keys()) {
      if (!keep.has(file)) {
        this.#files.delete(file);
        this.#changed = true;
      }
    }
    if (!this.#changed) return;
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      const tmp = `${this.#path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ stamp: this.#stamp, files: Object.fromEntries(this.#files) } satisfies CacheDocument));
      renameSync(tmp, this.#path);
      this.#changed = false;
    } catch {
      // a read-only checkout: every run imports the files, as without a cache
    }
  }
}

/**
 * The SHA-256 of a file's bytes, hex.
 * @example sha256Of(readFileSync(file))
 */
export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The identity of a file's current version, or undefined while it is too recent to trust (as
 * git's "racily clean" rule: a write within the timestamp granularity could keep the same key).
 * Any write or rename changes the ctime or the inode, which tools cannot set back.
 * @example statKey(statSync(file), Date.now())
 */
export function statKey(st: Stats, now: number): string | undefined {
  if (now - Math.max(st.mtimeMs, st.ctimeMs) < 2000) return undefined;
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/**
 * Whether the checksum of a migration file follows from its text and the sdk alone, so it may be
 * cached by content: it imports nothing but `@ductape/sdk` and reads nothing from its
 * surroundings (environment, clock, randomness, files, dynamic imports). Conservative: a file that
 * merely mentions one of those words is imported on every run.
 * @example isSelfContained("import { migration } from '@ductape/sdk';\nexport default migration('a')…") // true
 */
export function isSelfContained(text: string): boolean {
  for (const m of text.matchAll(/\b(?:import|export)\b[^;'"`]*?\bfrom\s*(['"`])([^'"`]*)\1|\bimport\s*(['"`])([^'"`]*)\3/g)) {
    if ((m[2] ?? m[4]) !== '@ductape/sdk') return false;
  }
  if (/\bimport\s*(?:\(|\.\s*meta)/.test(text)) return false;
  return !/\b(?:require|process|globalThis|global|Date|Math|crypto|eval|Function|fetch|performance|await|Bun|Deno|Reflect|Proxy)\b/.test(text);
}

function cacheStamp(migrationsDir: string): string {
  const parts = [FORMAT, process.version, migrationsDir];
  // The sdk (and its core) the migration files build with, and those whose checksum() the CLI runs.
  for (const from of [join(migrationsDir, 'index.js'), import.meta.url]) {
    try {
      const sdk = createRequire(from).resolve('@ductape/sdk');
      parts.push(fileStamp(sdk), fileStamp(createRequire(sdk).resolve('@ductape/core')));
    } catch {
      parts.push('unresolved');
    }
  }
  return parts.join('|');
}

function fileStamp(file: string): string {
  const f = statSync(file);
  const d = statSync(dirname(file));
  return `${file}:${f.size}:${f.mtimeMs}:${d.mtimeMs}`;
}
