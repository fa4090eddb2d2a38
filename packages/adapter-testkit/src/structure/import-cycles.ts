import { relative } from 'node:path';
import { relativeImports } from './source-files.js';

/**
 * The import cycles among `files` (relative imports, type-only ones included), each written
 * `a.ts → b.ts → a.ts` with paths relative to `base`. Empty when there are none.
 * @example importCycles(sourceFiles(src), src) // []
 */
export function importCycles(files: readonly string[], base: string): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(f)), f].map((p) => relative(base, p)).join(' → '));
      return;
    }
    state.set(f, 'visiting');
    for (const next of relativeImports(f)) visit(next, [...stack, f]);
    state.set(f, 'done');
  };
  for (const f of files) visit(f, []);
  return cycles;
}

/**
 * Every file `entry` reaches through value (not type-only) relative imports, itself included.
 * @example reachableFiles(join(src, 'shared.ts')).size // 12
 */
export function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const next of relativeImports(f, true)) visit(next);
  };
  visit(entry);
  return seen;
}
