import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, '../../src');
const mariadbSrc = resolve(here, '../../../adapter-mariadb/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, resolved to .ts paths (type-only imports included). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((m) => resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
}

/** Every file `entry` reaches through value (not type-only) imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^(import|export)( type)?[^;]*?from '(\.[^']+)'/gms)) if (!m[2]) visit(resolve(dirname(f), (m[3] as string).replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('MySQL-family source structure', () => {
  const all = [...files(src), ...files(mariadbSrc)];

  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') return void cycles.push([...stack.slice(stack.indexOf(f)), f].map((p) => relative(src, p)).join(' → '));
      state.set(f, 'visiting');
      for (const next of localImports(f)) visit(next, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('has no default exports, small files, and only its declared runtime dependencies', () => {
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      const name = relative(resolve(src, '../..'), f);
      expect(text, name).not.toMatch(/export default/);
      expect(text.split('\n').length, name).toBeLessThan(200);
      const allowed = f.startsWith(mariadbSrc) ? /^(node:|@ductape\/core$|@ductape\/adapter-mysql\/shared$|mariadb$)/ : /^(node:|@ductape\/core$|mysql2\/promise$)/;
      for (const m of text.matchAll(/from '([^.'][^']*)'/g)) expect(m[1], name).toMatch(allowed);
    }
  });

  it('the ./shared entry (what the MariaDB adapter loads) never reaches mysql2', () => {
    for (const f of reachable(join(src, 'shared.ts'))) expect(readFileSync(f, 'utf8'), relative(src, f)).not.toMatch(/from 'mysql2|import\('mysql2/);
  });
});
