import { createRequire } from 'node:module';

export interface PlannedRelease {
  name: string;
  type: 'major' | 'minor' | 'patch' | 'none';
  oldVersion: string;
  newVersion: string;
}
type Bump = { name: string; type: 'major' | 'minor' | 'patch' };

// changesets' own planner (what `changeset version` runs), from the @changesets/cli the repo uses.
const fromCli = createRequire(createRequire(import.meta.url).resolve('@changesets/cli/package.json'));
const { getPackages } = fromCli('@manypkg/get-packages') as { getPackages(dir: string): Promise<{ root: { dir: string } }> };
const { read: readConfig } = fromCli('@changesets/config') as { read(dir: string, packages: unknown): Promise<unknown> };
const { default: assemble } = fromCli('@changesets/assemble-release-plan') as {
  default(changesets: unknown[], packages: unknown, config: unknown, pre: undefined): { releases: PlannedRelease[] };
};

/**
 * The versions `changeset version` would write if the only pending changeset asked for `bumps`.
 * @example await planFor(repo, [{ name: '@ductape/core', type: 'minor' }])
 */
export async function planFor(repo: string, bumps: Bump[]): Promise<PlannedRelease[]> {
  const packages = await getPackages(repo);
  const config = await readConfig(packages.root.dir, packages);
  return assemble([{ id: 'test-bump', summary: 'test', releases: bumps }], packages, config, undefined).releases;
}
