import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../support/cli.js';
import { tempDir } from '@ductape/services/temp-dir';

const exec = promisify(execFile);
const packages = join(PACKAGE_ROOT, '..');

/** Runs `npx ductape …` in `cwd`; resolves with the exit code and output (a non-zero exit is not thrown). */
async function ductape(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec('npx', ['--no-install', 'ductape', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', NODE_PATH: '' }, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const fill = (file: string, chain: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/ {2}\/\/ \.addField\([^\n]*\n/, `  ${chain}\n`));

// Issue 18's acceptance, as a user does it: the packed tarballs npm-installed in an empty
// CommonJS project (no "type"), with tsx for the .ts file.
describe('the packed CLI in an empty CommonJS npm project', () => {
  it('new a && new b && status works at once; .mjs and .ts load; up applies them in order', async () => {
    const packs = tempDir('ductape-cli-packs-');
    const tarballs: string[] = [];
    for (const pkg of ['core', 'adapter-postgres', 'sdk', 'cli']) {
      const { stdout } = await exec('pnpm', ['pack', '--pack-destination', packs], { cwd: join(packages, pkg) });
      const line = stdout.trim().split('\n').pop() as string;
      tarballs.push(line.startsWith('/') ? line : join(packs, line));
    }
    const app = tempDir('ductape-cli-app-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    await exec('npm', ['install', '--no-audit', '--no-fund', ...tarballs, 'tsx@4'], { cwd: app, timeout: 300_000 });

    const a = await ductape(app, ['new', 'create_users', '--json']);
    const b = await ductape(app, ['new', 'add_phone', '--ts', '--json']);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [fa, fb] = [JSON.parse(a.stdout) as { file: string; tag: string }, JSON.parse(b.stdout) as { file: string; tag: string }];
    expect(readdirSync(join(app, 'migrations'))).toEqual([`${fa.tag}.mjs`, `${fb.tag}.ts`]);
    const drafts = await ductape(app, ['status']);
    expect(drafts.stderr).toBe('');
    expect(drafts.code).toBe(0);
    expect(drafts.stdout).toContain('2 draft');

    fill(fa.file, ".createCollection('users', { id: { type: 'uuid', primaryKey: true } })");
    fill(fb.file, ".addField('users', 'phone', { type: 'string', length: 20 })");
    const pending = await ductape(app, ['status', '--json']);
    expect(pending.code).toBe(3);
    expect((JSON.parse(pending.stdout) as { migrations: { tag: string; state: string }[] }).migrations).toMatchObject([
      { tag: fa.tag, state: 'pending' },
      { tag: fb.tag, state: 'pending' },
    ]);
    const up = await ductape(app, ['up', '--json']);
    expect(up.code).toBe(0);
    expect((JSON.parse(up.stdout) as { results: { tag: string; outcome: string }[] }).results).toMatchObject([
      { tag: fa.tag, outcome: 'applied' },
      { tag: fb.tag, outcome: 'applied' },
    ]);
    expect((await ductape(app, ['status'])).code).toBe(0);
  }, 600_000);
});
