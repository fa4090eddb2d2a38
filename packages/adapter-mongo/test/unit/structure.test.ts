import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

describe('@ductape/adapter-mongo source structure', () => {
  const all = files(src);

  it('has no import cycles', () => {
    const graph = new Map(all.map((f) => [f, imports(f)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') return void cycles.push([...stack.slice(stack.indexOf(f)), f].map((p) => relative(src, p)).join(' → '));
      state.set(f, 'visiting');
      for (const next of graph.get(f) ?? []) visit(next, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('has no default exports, imports only core, the driver and node: built-ins, keeps files short, and keeps compile free of IO', () => {
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      const name = relative(src, f);
      expect(text, name).not.toMatch(/export default/);
      for (const m of text.matchAll(/from '([^.'][^']*)'/g)) expect(m[1], name).toMatch(/^(node:|@ductape\/core$|mongodb$)/);
      expect(text.split('\n').length, name).toBeLessThan(200);
      if (name.startsWith('compile') || name === 'mongo-compiler.ts') expect(text, name).not.toMatch(/from '(node:|\.\.\/(execute|mongo-driver))/);
    }
  });
});
