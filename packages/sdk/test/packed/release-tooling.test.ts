import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, run } from './support/pack.js';
import { planFor } from './support/release-plan.js';

const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const PRIVATE = ['@ductape/bench', '@ductape/reliability', '@ductape/example', '@ductape/services', '@ductape/tsconfig'];

describe('release tooling of the repository', () => {
  it('`pnpm lint` runs Biome over every package and passes', async () => {
    const { stdout, stderr } = await run('pnpm', ['lint'], { cwd: repo, timeout: 120_000 });
    const checked = Number(/Checked (\d+) files?/.exec(stdout + stderr)?.[1] ?? 0);
    const { stdout: tracked } = await run('git', ['ls-files', 'packages/*.ts', 'packages/*.mjs', 'tooling/*.mjs'], { cwd: repo });
    expect(checked).toBeGreaterThanOrEqual(tracked.trim().split('\n').length);
  }, 180_000);

  it.each([
    ['a minor of core', [{ name: '@ductape/core', type: 'minor' as const }]],
    ['a patch of core', [{ name: '@ductape/core', type: 'patch' as const }]],
    ['a minor of an adapter', [{ name: '@ductape/adapter-mysql', type: 'minor' as const }]],
    ['a minor of every published package', ['core', 'sdk', 'cli', 'adapter-postgres', 'adapter-mysql', 'adapter-mongo'].map((p) => ({ name: `@ductape/${p}`, type: 'minor' as const }))],
  ])('%s versions no private package and takes no 0.x package to 1.0.0', async (_, bumps) => {
    const releases = (await planFor(repo, bumps)).filter((r) => r.type !== 'none');
    expect(releases.map((r) => r.name)).toEqual(expect.arrayContaining(bumps.map((b) => b.name)));
    for (const r of releases) {
      expect(PRIVATE, `${r.name} is private`).not.toContain(r.name);
      expect(r.newVersion, `${r.name} ${r.oldVersion} → ${r.newVersion}`).toMatch(/^0\./);
    }
  });

  it('`pnpm release` is changeset version + build + changeset publish, and `pnpm release:check` dry-runs it without a login', async () => {
    expect(rootPackage.scripts.release).toBe('changeset version && pnpm build && changeset publish');
    const { stdout } = await run('pnpm', ['release:check'], { cwd: repo, timeout: 300_000, env: { ...process.env, NPM_CONFIG_USERCONFIG: '/dev/null' } });
    expect(stdout).toMatch(/release check: ok/);
  }, 300_000);
});
