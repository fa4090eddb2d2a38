import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, reachableFiles } from '../src/structure/import-cycles.js';
import { sourceFiles } from '../src/structure/source-files.js';
import { sourceProblems } from '../src/structure/source-problems.js';

// A scratch package with one of each problem the shared structure check must find.
const dir = mkdtempSync(join(tmpdir(), 'ductape-structure-'));
const file = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
file('a.ts', "import { b } from './b.js';\nexport const a = b;\n");
file('b.ts', "import type { a } from './a.js';\nexport const b = 1;\nexport type A = typeof a;\n");
file('shared.ts', "export { c } from './compile/c.js';\n");
file('compile/c.ts', "import { readFileSync } from 'node:fs';\nimport pg from 'pg';\nexport const c = readFileSync;\nexport default pg;\n");
file('BadName.ts', `export const x = 1;\n${'\n'.repeat(10)}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shared source-structure check', () => {
  const files = sourceFiles(dir);

  it('finds an import cycle through a type-only import, and follows only value imports for reach', () => {
    expect(importCycles(files, dir)).toEqual(['a.ts → b.ts → a.ts']);
    expect([...reachableFiles(join(dir, 'a.ts'))].sort()).toEqual([join(dir, 'a.ts'), join(dir, 'b.ts')]);
    expect([...reachableFiles(join(dir, 'shared.ts'))]).toContain(join(dir, 'compile/c.ts'));
  });

  it('finds a default export, a bad name, a bare import not allowed, a long file and an impure compile file', () => {
    const problems = sourceProblems(files, { dir, allowedImports: /^node:/ }, dir, { maxLines: 10, pure: { files: /^compile\//, forbidden: /from 'node:/, why: 'compile imports IO' } });
    expect(problems.sort()).toEqual(
      ['BadName.ts: 12 lines (at most 9)', 'BadName.ts: not a kebab-case file name', 'compile/c.ts: a default export', "compile/c.ts: imports 'pg'", 'compile/c.ts: compile imports IO'].sort(),
    );
  });
});
