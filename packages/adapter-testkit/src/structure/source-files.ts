import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Every `.ts` file below `dir`, as absolute paths.
 * @example sourceFiles('/repo/packages/adapter-foo/src') // ['/repo/…/src/index.ts', …]
 */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The relative imports and re-exports of `file`, resolved to `.ts` paths; with `valuesOnly`,
 * `import type` / `export type` lines are left out.
 * @example relativeImports('/repo/src/index.ts') // ['/repo/src/foo-adapter.ts', …]
 */
export function relativeImports(file: string, valuesOnly = false): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)( type)?[^;]*?from '(\.[^']+)'/gms)].filter((m) => !(valuesOnly && m[1])).map((m) => resolve(dirname(file), (m[2] as string).replace(/\.js$/, '.ts')));
}
