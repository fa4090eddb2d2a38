import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// @ts-expect-error plain .mjs module of the services tooling
import { tempDir } from '@ductape/services/temp-dir';

export const run = promisify(execFile);
export const repo = resolve(fileURLToPath(new URL('../../../../..', import.meta.url)));

/** The packages users install from npm, by folder under packages/. */
export const PUBLISHED = ['core', 'sdk', 'cli', 'adapter-postgres', 'adapter-mysql', 'adapter-mariadb', 'adapter-mongo', 'adapter-dynamo', 'adapter-cassandra', 'adapter-testkit'] as const;

/**
 * Packs a workspace package as `pnpm publish` would (workspace: ranges replaced) and returns the tarball's path.
 * @example const tgz = await packWorkspace('core', '/tmp/packs'); // '/tmp/packs/ductape-core-0.1.0.tgz'
 */
export async function packWorkspace(dir: string, dest: string): Promise<string> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', dest], { cwd: join(repo, 'packages', dir) });
  const line = stdout.trim().split('\n').pop() as string;
  return line.startsWith('/') ? line : join(dest, line);
}

type Ranges = Record<string, string>;

/** The fields of a published package.json these tests read. */
export interface Manifest {
  name: string;
  version: string;
  license?: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url?: string };
  repository?: { type?: string; url?: string; directory?: string };
  engines?: { node?: string };
  exports?: unknown;
  dependencies?: Ranges;
  peerDependencies?: Ranges;
  optionalDependencies?: Ranges;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** The package.json inside a tarball. */
export async function manifestOf(tgz: string): Promise<Manifest> {
  const { stdout } = await run('tar', ['-xzOf', tgz, 'package/package.json']);
  return JSON.parse(stdout) as Manifest;
}

/** The file list inside a tarball, without the leading `package/`. */
export async function filesOf(tgz: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tgz]);
  return stdout
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
}

/**
 * A copy of a tarball released as `version`, with its references to the other packages moved the way
 * `changeset version` + `pnpm publish` move them: an exact `0.1.0` (from `workspace:*`) becomes the new
 * version, `^0.1.0` (from `workspace:^`) becomes `^<new>`, any other range is kept.
 * @example await repackAs(coreTgz, '0.1.1', { '@ductape/core': '0.1.1' }, '/tmp/packs')
 */
export async function repackAs(tgz: string, version: string, moved: Record<string, string>, dest: string): Promise<string> {
  const work = tempDir('ductape-repack-');
  await run('tar', ['-xzf', tgz, '-C', work]);
  const file = join(work, 'package', 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  pkg.version = version;
  for (const ranges of [pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies]) {
    for (const [name, next] of Object.entries(moved)) {
      const spec = ranges?.[name];
      if (ranges === undefined || spec === undefined) continue;
      const was = spec.replace(/^[\^~]/, '');
      if (/^\d+\.\d+\.\d+$/.test(was)) ranges[name] = spec.replace(was, next);
    }
  }
  writeFileSync(file, JSON.stringify(pkg, null, 2));
  const out = join(dest, `${pkg.name.replace('@', '').replace('/', '-')}-${version}.tgz`);
  await run('tar', ['-czf', out, '-C', work, 'package']);
  return out;
}
