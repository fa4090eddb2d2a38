import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper shared with the examples
import { specBlocks } from '../../examples/spec-blocks.mjs';
// @ts-expect-error plain .mjs module of the services tooling
import { tempDir } from '@ductape/services/temp-dir';

const run = promisify(execFile);
const repo = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const quickExample = (specBlocks() as { code: string }[] | undefined)?.[0]?.code;

// What a user does: npm-install the published tarballs in an empty project outside the repo and
// run the spec's Quick Example verbatim as an .mjs file — twice.
describe.skipIf(!quickExample)('the packed sdk in an empty directory', () => {
  it('runs the Quick Example, then refuses to repeat it with "already exists"', async () => {
    const packs = tempDir('ductape-packs-');
    for (const pkg of ['core', 'adapter-postgres', 'sdk']) {
      await run('pnpm', ['pack', '--pack-destination', packs], { cwd: join(repo, 'packages', pkg) });
    }
    const app = tempDir('ductape-app-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    writeFileSync(join(app, 'quick.mjs'), quickExample as string);
    const version = (p: string) => JSON.parse(readFileSync(join(repo, 'packages', p, 'package.json'), 'utf8')).version as string;
    const tarballs = ['core', 'adapter-postgres', 'sdk'].map((p) => join(packs, `ductape-${p}-${version(p)}.tgz`));
    await run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], { cwd: app, timeout: 300_000 });
    const first = await run(process.execPath, ['quick.mjs'], { cwd: app, timeout: 120_000 });
    expect(first.stdout).toMatch(/^Migration: \d{8}_\d{6}_create_users\n$/);
    const second = await run(process.execPath, ['quick.mjs'], { cwd: app, timeout: 120_000 }).catch((e: { stderr: string }) => e);
    expect('stderr' in second && second.stderr).toMatch(/collection "users" already exists/);
  }, 600_000);
});
