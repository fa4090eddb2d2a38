/** One source folder of a package and the bare imports (packages, `node:` modules) its files may use. */
export interface SourceRoot {
  /** The folder, e.g. `new URL('../../src', import.meta.url)`. */
  readonly dir: string | URL;
  /** What every bare import specifier must match, e.g. `/^(node:|@ductape\/core$|mongodb$)/`. */
  readonly allowedImports: RegExp;
}

/**
 * What `runSourceStructureChecks` checks. Always: no import cycles, no default exports,
 * kebab-case file names, only the allowed bare imports, files shorter than `maxLines`.
 */
export interface SourceStructureOptions {
  /** Title of the test block, e.g. the package name. */
  readonly name: string;
  /** The folders checked together (cycles are looked for across them too). */
  readonly roots: readonly SourceRoot[];
  /** Files must be shorter than this many lines. Default 200. */
  readonly maxLines?: number;
  /**
   * Files that must stay free of some imports, e.g. compile free of IO: each file whose path
   * (relative to its root) matches `files` must not contain what `forbidden` matches.
   */
  readonly pure?: { readonly files: RegExp; readonly forbidden: RegExp; readonly why: string };
  /**
   * Entries (paths relative to the first root) whose value imports, followed through the
   * package, must not contain what `forbidden` matches, e.g. an entry that must not load a driver.
   */
  readonly isolated?: readonly { readonly entry: string; readonly forbidden: RegExp; readonly why: string }[];
}
