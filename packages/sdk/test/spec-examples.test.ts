import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper shared with the examples
import { PLACEHOLDER, PLACEHOLDER_FILL, blockOf, exampleFiles, specBlocks, specPath } from '../examples/spec-blocks.mjs';

const run = promisify(execFile);
const blocks = specBlocks() as { index: number; code: string }[] | undefined;
const files = exampleFiles() as Record<number, string>;

/** Every environment of my-app/main-db as its own database, fresh per example run. */
function targetEnv(dir: string): NodeJS.ProcessEnv {
  const id = dir.replace(/\W/g, '');
  return {
    DUCTAPE_MY_APP_MAIN_DB_DEV_URL: `memory://dev-${id}`,
    DUCTAPE_MY_APP_MAIN_DB_STAGING_URL: `memory://staging-${id}`,
    DUCTAPE_MY_APP_MAIN_DB_PRD_URL: `memory://prd-${id}`,
  };
}

async function runExample(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ductape-spec-'));
  return run(process.execPath, [file], { cwd: dir, env: { ...process.env, ...targetEnv(dir) }, timeout: 60_000 });
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

  // Data migrations need an adapter with rows; the in-memory adapter has none.
  const needsRows = new Set([27]);
  it.each(Object.entries(files).filter(([i]) => !needsRows.has(Number(i))))('block %s runs: %s', async (_index, file) => {
    const { stdout } = await runExample(file);
    if (file.includes('29-')) expect(stdout).toContain('Migration already applied, skipping');
    if (file.includes('30-')) expect(stdout).toContain('dev: 3/3 migrations applied\nstaging: 1/3 migrations applied\nprd: 0/3 migrations applied');
    if (file.includes('00-')) expect(stdout).toMatch(/^Migration: \d{8}_\d{6}_create_users$/m);
  });
});
