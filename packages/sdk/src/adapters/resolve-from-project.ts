import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The file URL of an ESM package (or one of its exported subpaths) installed in `cwd`'s
 * node_modules or a parent's, or undefined. Reads `exports` ('import'/'default') or `main`.
 * @example resolveFromProject('@ductape/adapter-postgres', '/app') // 'file:///app/node_modules/…/dist/index.js'
 */
export function resolveFromProject(specifier: string, cwd: string): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  for (let dir = cwd; ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', name);
    if (existsSync(join(root, 'package.json'))) {
      const entry = entryOf(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')), subpath);
      return entry ? pathToFileURL(join(root, entry)).href : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function entryOf(pkg: { exports?: unknown; main?: string }, subpath: string): string | undefined {
  const exp = pkg.exports;
  if (exp === undefined) return subpath === '.' ? (pkg.main ?? 'index.js') : undefined;
  if (typeof exp === 'string') return subpath === '.' ? exp : undefined;
  const target = (exp as Record<string, unknown>)[subpath] ?? (subpath === '.' ? exp : undefined);
  return pick(target);
}

function pick(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const t = target as Record<string, unknown>;
  return pick(t.import ?? t.node ?? t.default);
}
