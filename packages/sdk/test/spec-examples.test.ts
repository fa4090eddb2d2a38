import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper shared with the examples
import { PLACEHOLDER, PLACEHOLDER_FILL, blockOf, exampleFiles, specBlocks, specPath } from '../examples/spec-blocks.mjs';

const run = promisify(execFile);
const blocks = specBlocks() as { index: number; code: string }[] | undefined;
const files = exampleFiles() as Record<number, string>;

interface Run {
  readonly file: string;
  readonly ok: boolean;
  readonly stdout: string;
  readonly error?: string;
}

/** Runs the given example files in one process (see examples/run-spec-examples.mjs). */
async function runExamples(list: string[]): Promise<Run[]> {
  const runner = fileURLToPath(new URL('../examples/run-spec-examples.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [runner, ...list], { cwd: tmpdir(), timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Run);
}

if (!blocks && process.env.CI) throw new Error(`the spec is missing at ${specPath()}; CI lays ../shared beside the repository`);

describe.skipIf(!blocks)('every code block of the spec', () => {
  it('has an example that holds it verbatim', () => {
    for (const block of blocks ?? []) {
      const file = files[block.index];
      expect(file, `spec block ${block.index} has no example in examples/spec`).toBeDefined();
      expect(blockOf(file as string), `examples for block ${block.index}`).toBe(block.code.replaceAll(PLACEHOLDER, PLACEHOLDER_FILL));
    }
  });

  // dev is the zero-config embedded PGlite database under .ductape/ (what a user gets);
  // staging and prd are two more PGlite databases. The Quick Example runs twice in one directory.
  it('every example runs on the embedded database; the Quick Example a second time says "already exists"', async () => {
    const list = Object.values(files);
    const quick = files[0] as string;
    const runs = await runExamples([...list, quick]);
    expect(runs.map((r) => r.file)).toEqual([...list, quick]);
    for (const r of runs.slice(0, -1)) expect(r.error, r.file).toBeUndefined();
    const stdout = (n: number) => runs.find((r) => r.file === files[n])?.stdout ?? '';
    expect(stdout(0)).toMatch(/^Migration: \d{8}_\d{6}_create_users$/m);
    expect(stdout(29)).toContain('Migration already applied, skipping');
    expect(stdout(30)).toContain('dev: 3/3 migrations applied\nstaging: 1/3 migrations applied\nprd: 0/3 migrations applied');
    expect(runs.at(-1)?.error).toMatch(/already exists/);
  }, 600_000);
});
