import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One line of a built file, with the source file it was built from (by its source map). */
export interface DistLine {
  /** The built file, relative to the repository root. */
  readonly file: string;
  /** 1-based line in the built file. */
  readonly line: number;
  readonly text: string;
  /** The source file (relative to the repository root) the match at `column` comes from. */
  readonly source: string;
}

/**
 * Every line of `packages/<name>/dist/**\/*.js` that matches `pattern`, each traced to its
 * source file through the `.js.map` beside it. A package without a dist, or a built file without
 * its map, throws: the check runs after `pnpm build` (CI builds before tests).
 * @example distLinesMatching('/repo', /\bnew Error\(/) // [{ file: 'packages/core/dist/testing.js', line: 12, source: 'packages/core/src/testing/memory-apply.ts', … }]
 */
export function distLinesMatching(root: string, pattern: RegExp): DistLine[] {
  const found: DistLine[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    if (!existsSync(join(root, 'packages', pkg, 'package.json'))) continue;
    const dist = join(root, 'packages', pkg, 'dist');
    const files = existsSync(dist) ? jsFiles(dist) : [];
    if (files.length === 0) throw new Error(`packages/${pkg}/dist has no .js file: run \`pnpm build\` first (CI builds every package before the tests)`);
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      let segments: LineSegments | undefined;
      lines.forEach((text, i) => {
        const at = text.search(pattern);
        if (at < 0) return;
        segments ??= readMap(file);
        found.push({ file: relative(root, file), line: i + 1, text: text.trim(), source: relative(root, segments.sourceAt(i, at)) });
      });
    }
  }
  return found;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

interface LineSegments {
  sourceAt(line: number, column: number): string;
}

// Source map v3: `mappings` holds, per generated line (`;`), segments (`,`) of base64 VLQ fields
// [generated column, source index, source line, source column, name]; all but the generated
// column are relative to the previous segment of the file, the column to the previous of the line.
function readMap(file: string): LineSegments {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) throw new Error(`${mapFile} is missing: the packages build with source maps (sourcemap: true in tsup.config.ts)`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  let source = 0;
  const lines = map.mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter((s) => s !== '')
      .map((segment) => {
        const [dc = 0, ds = 0] = vlq(segment);
        column += dc;
        source += ds;
        return { column, source };
      });
  });
  return {
    sourceAt(line, column) {
      const candidates = (lines[line] ?? []).filter((s) => s.column <= column);
      const hit = candidates.at(-1) ?? lines[line]?.[0];
      if (!hit) return mapFile;
      return resolve(dirname(file), map.sources[hit.source] ?? mapFile);
    },
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
