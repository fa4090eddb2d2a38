import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { SourceRoot } from './source-structure-options.js';

/** The rules `sourceProblems` applies to every file of a root. */
export interface FileRules {
  readonly maxLines: number;
  readonly pure?: { readonly files: RegExp; readonly forbidden: RegExp; readonly why: string };
}

/**
 * What breaks the conventions in `files` of `root` (`dir` as a path): a default export, a file
 * name that is not kebab-case, a bare import `allowedImports` does not match, a file of
 * `maxLines` lines or more, a forbidden import in a file that must stay pure. Each problem names
 * the file relative to `base`. Empty when all is well.
 * @example sourceProblems(sourceFiles(src), { dir: src, allowedImports: /^(node:|@ductape\/core$)/ }, src, { maxLines: 200 }) // []
 */
export function sourceProblems(files: readonly string[], root: SourceRoot & { readonly dir: string }, base: string, rules: FileRules): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const name = relative(base, f);
    if (/export default/.test(text)) problems.push(`${name}: a default export`);
    const inRoot = relative(root.dir, f);
    if (!/^[a-z0-9/-]+\.ts$/.test(inRoot)) problems.push(`${name}: not a kebab-case file name`);
    for (const m of text.matchAll(/from '([^.'][^']*)'/g)) if (!root.allowedImports.test(m[1] as string)) problems.push(`${name}: imports '${m[1]}'`);
    const lines = text.split('\n').length;
    if (lines >= rules.maxLines) problems.push(`${name}: ${lines} lines (at most ${rules.maxLines - 1})`);
    const pure = rules.pure;
    if (pure?.files.test(inRoot) && pure.forbidden.test(text)) problems.push(`${name}: ${pure.why}`);
  }
  return problems;
}
