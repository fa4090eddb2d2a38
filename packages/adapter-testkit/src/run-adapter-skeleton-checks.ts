import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { runSourceStructureChecks } from './run-source-structure-checks.js';
import type { AdapterSkeletonOptions } from './skeleton/adapter-skeleton-options.js';
import { skeletonProblems, thinSkeletonProblems } from './skeleton/skeleton-problems.js';

const dirOf = (dir: string | URL): string => resolve(typeof dir === 'string' ? dir : fileURLToPath(dir));

/**
 * Registers the skeleton test of an adapter package: the same files in every adapter
 * (`src/<db>-adapter.ts`, `create-adapter.ts`, `<db>-capabilities.ts` from core's
 * `baseCapabilities()`, `<db>-compile-settings.ts`, `<db>-compiler.ts`, `<db>-introspector.ts`
 * and `introspect/`, `<db>-history.ts`, `<db>-lock.ts`, `<db>-session.ts`,
 * `data/update-rows.ts`) and one `compile/compile-<op>.ts` for every operation of core's
 * registry (`OPERATIONS`); with `structure`, the package's source-structure rules too. Call it
 * at the top level of a vitest test file.
 * @example
 * import { runAdapterSkeletonChecks } from '@ductape/adapter-testkit';
 * runAdapterSkeletonChecks({ name: '@ductape/adapter-postgres', db: 'postgres', src: new URL('../../src', import.meta.url) });
 */
export function runAdapterSkeletonChecks(options: AdapterSkeletonOptions): void {
  const src = dirOf(options.src);
  const ops = Object.keys(OPERATIONS);
  describe(`${options.name} skeleton`, () => {
    it(`has the adapter skeleton and a compile/compile-<op>.ts for each of core's ${ops.length} operations`, () => {
      const delegate = options.delegatesTo;
      const problems = delegate ? thinSkeletonProblems(src, options.db, { src: dirOf(delegate.src), db: delegate.db }, ops) : skeletonProblems(src, options.db, ops);
      expect(problems).toEqual([]);
    });
  });
  if (options.structure) runSourceStructureChecks(options.structure);
}
