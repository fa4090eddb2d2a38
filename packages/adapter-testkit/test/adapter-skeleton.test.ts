import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATIONS } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { skeletonFiles, skeletonProblems, thinSkeletonProblems } from '../src/skeleton/skeleton-problems.js';

// Scratch adapter packages: one with the whole skeleton, then the same with a gap of each kind.
const root = mkdtempSync(join(tmpdir(), 'ductape-skeleton-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ops = Object.keys(OPERATIONS);
const kebab = (t: string) => t.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const compilerText = ops.map((t) => `import { compile${t[0]?.toUpperCase()}${t.slice(1)} } from './compile/compile-${kebab(t)}.js';\n`).join('');

function scratch(name: string, leaveOut: (path: string) => boolean = () => false, edit: (path: string, text: string) => string = (_, t) => t): string {
  const src = join(root, name, 'src');
  const files: [string, string][] = [
    ...skeletonFiles('foo').map((f): [string, string] => [f, f === 'foo-capabilities.ts' ? 'export const c = { ...baseCapabilities() };\n' : f === 'foo-compiler.ts' ? compilerText : 'export {};\n']),
    ['introspect/parse-type.ts', 'export {};\n'],
    ...ops.map((t): [string, string] => [`compile/compile-${kebab(t)}.ts`, `export function compile${t[0]?.toUpperCase()}${t.slice(1)}() {}\n`]),
  ];
  for (const [path, text] of files) {
    if (leaveOut(path)) continue;
    mkdirSync(join(src, path, '..'), { recursive: true });
    writeFileSync(join(src, path), edit(path, text));
  }
  return src;
}

describe('the shared adapter skeleton check', () => {
  it('reads the operations from core (more than a handful, with the compile file name of each)', () => {
    expect(ops).toContain('alterCollectionOptions');
    expect(ops.length).toBeGreaterThan(10);
  });

  it('passes an adapter with the whole skeleton', () => {
    expect(skeletonProblems(scratch('whole'), 'foo', ops)).toEqual([]);
  });

  it('names a missing skeleton file, a missing introspect folder and a missing compile file', () => {
    const src = scratch('gaps', (p) => p === 'foo-lock.ts' || p.startsWith('introspect/') || p === 'compile/compile-drop-type.ts');
    expect(skeletonProblems(src, 'foo', ops)).toEqual([
      'missing src/foo-lock.ts',
      'missing src/introspect/ (the introspection helpers)',
      'missing src/compile/compile-drop-type.ts (the compiler of dropType; a refusal is a file too)',
    ]);
  });

  it('names capabilities not built from baseCapabilities, a compile file without its function, and a compile file for no operation', () => {
    const src = scratch('drift', undefined, (p, t) =>
      p === 'foo-capabilities.ts'
        ? 'export const c = { renameField: true };\n'
        : p === 'compile/compile-raw.ts'
          ? 'export function raw() {}\n'
          : p === 'foo-compiler.ts'
            ? t.replace(/.*compile-drop-index.*\n/, '')
            : t,
    );
    writeFileSync(join(src, 'compile/compile-index-ops.ts'), 'export {};\n');
    expect(skeletonProblems(src, 'foo', ops)).toEqual([
      "src/foo-capabilities.ts does not start from core's baseCapabilities() (spread it, then set what the database can do)",
      'src/compile/compile-raw.ts does not export function compileRaw',
      "src/compile/compile-index-ops.ts compiles no operation of core's registry (rename it for what it holds)",
      'src/foo-compiler.ts does not import ./compile/compile-drop-index.js (its table must use it)',
    ]);
  });

  it('checks a thin adapter for its own three files, and the package it delegates to for the rest', () => {
    const thin = join(root, 'thin', 'src');
    mkdirSync(join(thin, 'compile'), { recursive: true });
    writeFileSync(join(thin, 'bar-adapter.ts'), 'export {};\n');
    writeFileSync(join(thin, 'bar-compiler.ts'), 'export {};\n');
    const delegate = scratch('delegate', (p) => p === 'compile/compile-raw.ts');
    expect(thinSkeletonProblems(thin, 'bar', { src: delegate, db: 'foo' }, ops)).toEqual([
      'missing src/create-adapter.ts',
      'src/compile/ belongs in the package it delegates to (foo)',
      'foo: missing src/compile/compile-raw.ts (the compiler of raw; a refusal is a file too)',
    ]);
  });
});
