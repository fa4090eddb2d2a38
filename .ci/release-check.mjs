#!/usr/bin/env node
// What `pnpm release` would do, without publishing and without a registry login:
// 1. the release plan of the pending changesets (what `changeset version` would do; changesets' own
//    planner, no git): no private package is versioned,
//    and no 0.x package jumps to 1.0.0 unless a changeset asks for a major bump of it (changesets makes
//    the dependents of a peer that leaves their range major, which from 0.x means 1.0.0);
// 2. `pnpm publish --dry-run` of every package under packages/ (packs them as they would be published;
//    only reads the npm registry, never writes).
// Needs a build first (`pnpm build`). Exit 1 with one line per problem.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const problems = [];

// @changesets/get-release-plan is what `changeset status` and `changeset version` use; it comes with @changesets/cli.
const fromCli = createRequire(createRequire(import.meta.url).resolve('@changesets/cli/package.json'));
const { default: getReleasePlan } = fromCli('@changesets/get-release-plan');
const plan = await getReleasePlan(root);

const workspace = new Map();
for (const parent of ['packages', 'tooling']) {
  for (const dir of readdirSync(join(root, parent))) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, parent, dir, 'package.json'), 'utf8'));
      workspace.set(pkg.name, pkg);
    } catch {
      // not a package
    }
  }
}
const askedMajor = new Set(plan.changesets.flatMap((c) => c.releases.filter((r) => r.type === 'major').map((r) => r.name)));
for (const release of plan.releases) {
  if (release.type === 'none') continue;
  if (workspace.get(release.name)?.private)
    problems.push(
      `${release.name} is private but the release plan versions it (${release.oldVersion} → ${release.newVersion}): keep "privatePackages": { "version": false } in .changeset/config.json`,
    );
  if (release.oldVersion.startsWith('0.') && !release.newVersion.startsWith('0.') && !askedMajor.has(release.name)) {
    problems.push(
      `${release.name} would go from ${release.oldVersion} to ${release.newVersion} though no changeset asks for a major bump of it: a peer range it declares no longer holds the next version of a package it peers on; widen that peer range`,
    );
  }
}

try {
  execFileSync('pnpm', ['-r', '--filter', './packages/*', 'publish', '--dry-run', '--no-git-checks'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
} catch (error) {
  problems.push(
    `pnpm publish --dry-run failed: ${String(error.stderr ?? error.message)
      .trim()
      .split('\n')
      .slice(-5)
      .join(' | ')}`,
  );
}

const planned = plan.releases.filter((r) => r.type !== 'none').map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion}`);
console.log(planned.length ? `release plan:\n  ${planned.join('\n  ')}` : 'release plan: nothing to release');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('release check: ok (changeset plan and publish --dry-run of every package under packages/)');
