import type { SourceStructureOptions } from '../structure/source-structure-options.js';

/** Which adapter package a skeleton check reads, and how it is laid out. */
export interface AdapterSkeletonOptions {
  /** The package name, for the test titles, e.g. '@ductape/adapter-postgres'. */
  readonly name: string;
  /** The database's file-name prefix: `src/<db>-adapter.ts`, `src/<db>-capabilities.ts`, … e.g. 'postgres'. */
  readonly db: string;
  /** The package's `src` folder (a path, or a URL from `new URL('../../src', import.meta.url)`). */
  readonly src: string | URL;
  /**
   * For a thin package over another adapter (MariaDB over the MySQL family): the other package's
   * `src` folder. The thin package then holds only `src/<db>-adapter.ts`, `src/create-adapter.ts`
   * and `src/<db>-compiler.ts`; capabilities, compile settings, one compiler per operation,
   * introspection, history, lock, session and data updates are the other package's, and are
   * checked there (under the other package's prefix `db`).
   */
  readonly delegatesTo?: { readonly src: string | URL; readonly db: string };
  /** The package's source-structure rules, registered too (`runSourceStructureChecks`): one call per adapter test file. */
  readonly structure?: SourceStructureOptions;
}
