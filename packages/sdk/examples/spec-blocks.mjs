// Reads the code blocks of the spec and the example files that run them, so a test can check
// that every block is in its example verbatim (apart from the documented placeholder fills).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const examplesDir = join(here, 'spec');

/** The spec lives in ../shared beside the repository (CI lays it out the same way). */
export function specPath() {
  return resolve(here, '../../../../shared/spec/database-migrations.md');
}

/** Every fenced block of the spec marked `ts`, in order, with its index among all blocks. */
export function specBlocks(path = specPath()) {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m, index) => ({ index, lang: m[1], code: m[2] })).filter((b) => b.lang === 'ts');
}

/** `{ ... }` is a placeholder in the spec's prose blocks; examples fill it with this. */
export const PLACEHOLDER = '{ ... }';
export const PLACEHOLDER_FILL = "{ id: { type: 'uuid', primaryKey: true } }";

/** Example files, keyed by block index (file names start with the two-digit index). */
export function exampleFiles() {
  return Object.fromEntries(
    readdirSync(examplesDir)
      .filter((f) => /^\d\d-.*\.mjs$/.test(f))
      .map((f) => [Number(f.slice(0, 2)), join(examplesDir, f)]),
  );
}

/** The verbatim region of an example file. */
export function blockOf(file) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('// --- spec block ---\n');
  const end = text.indexOf('// --- end of spec block ---');
  return start < 0 || end < 0 ? undefined : text.slice(start + '// --- spec block ---\n'.length, end);
}
