import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, reachableFiles } from './structure/import-cycles.js';
import { sourceFiles } from './structure/source-files.js';
import { sourceProblems } from './structure/source-problems.js';
import type { SourceStructureOptions } from './structure/source-structure-options.js';

/**
 * Registers the source-structure tests of a package (one shared check instead of a copy per
 * adapter): no import cycles; no default exports, kebab-case file names, only the allowed bare
 * imports and files shorter than `maxLines` (default 200); optionally files that must stay pure
 * and entries that must not reach a module. Call it at the top level of a vitest test file.
 * @example
 * import { runSourceStructureChecks } from '@ductape/adapter-testkit';
 * runSourceStructureChecks({
 *   name: '@acme/adapter-foo',
 *   roots: [{ dir: new URL('../../src', import.meta.url), allowedImports: /^(node:|@ductape\/core$|foo-driver$)/ }],
 *   pure: { files: /^compile\//, forbidden: /from '(node:|\.\.\/execute)/, why: 'compile imports IO' },
 * });
 */
export function runSourceStructureChecks(options: SourceStructureOptions): void {
  const roots = options.roots.map((r) => ({ ...r, dir: resolve(typeof r.dir === 'string' ? r.dir : fileURLToPath(r.dir)) }));
  const first = roots[0]?.dir ?? '.';
  const base = roots.length > 1 ? resolve(first, '../..') : first;
  describe(`${options.name} source structure`, () => {
    it('has no import cycles', () => {
      expect(
        importCycles(
          roots.flatMap((r) => sourceFiles(r.dir)),
          base,
        ),
      ).toEqual([]);
    });

    it('has no default exports, kebab-case names, small files, and only its declared bare imports', () => {
      const rules = { maxLines: options.maxLines ?? 200, ...(options.pure ? { pure: options.pure } : {}) };
      expect(roots.flatMap((r) => sourceProblems(sourceFiles(r.dir), r, base, rules))).toEqual([]);
    });

    for (const { entry, forbidden, why } of options.isolated ?? []) {
      it(`${entry}: ${why}`, () => {
        const hits = [...reachableFiles(join(first, entry))].filter((f) => forbidden.test(readFileSync(f, 'utf8')));
        expect(hits.map((f) => relative(base, f))).toEqual([]);
      });
    }
  });
}
