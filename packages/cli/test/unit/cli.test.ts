import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, TempProject } from '../support/cli.js';

/** Every module `file` imports statically (not `import()`), transitively, within dist/. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
    const spec = m[1] ?? m[2] ?? '';
    if (spec.startsWith('.')) staticGraph(join(dirname(file), spec), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('the ductape binary', () => {
  const p = new TempProject('cli');

  it('--help lists every command and exits 0; no arguments is a usage error (2)', async () => {
    const help = await p.run(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['new', 'status', 'up', 'down', 'history', 'plan', 'lint', 'drift', 'repair', 'baseline', 'unlock', 'update', 'promote']) expect(help.stdout).toContain(`  ${c} `);
    expect((await p.run([])).code).toBe(2);
    const cmd = await p.run(['down', '--help']);
    expect(cmd.stdout).toContain('--steps <n>');
    expect((await p.run(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the --help path imports neither the sdk nor any adapter (lazy start-up)', () => {
    const graph = [...staticGraph(BIN)];
    expect(graph.filter((m) => m.startsWith('@ductape/') || m === 'tsx' || m.startsWith('tsx/'))).toEqual([]);
  });

  it('unknown commands and flags are usage errors (exit 2), as JSON under --json', async () => {
    const unknown = await p.run(['stauts', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toEqual({
      ok: false,
      command: 'stauts',
      exitCode: 2,
      error: { code: 'DUCTAPE_USAGE', message: 'unknown command "stauts" (did you mean status?)', hint: 'run `ductape status`, or `ductape --help` for the list of commands' },
    });
    const flag = await p.run(['status', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--bogus');
    expect((await p.run(['down', '--steps', 'x'])).code).toBe(2);
    expect((await p.run(['up', '--recover', 'sideways'])).code).toBe(2);
    expect((await p.run(['lint', '--ignore', 'no-such-rule'])).code).toBe(2);
  });

  it('lint exits 3 on a drop, with rule ids, and 0 when clean', async () => {
    p.migration('20240501_000000_clean', ".createCollection('t', { id: 'integer' })");
    expect((await p.run(['lint'])).code).toBe(0);
    p.migration('20240502_000000_drop_t', ".dropCollection('t')");
    const r = await p.run(['lint', '--json']);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: true, exitCode: 3, checked: 2, findings: [{ rule: 'drop-collection', tag: '20240502_000000_drop_t', op: 1, collection: 't', severity: 'error' }] });
    expect((await p.run(['lint', '--ignore', 'drop-collection'])).code).toBe(0);
    expect((await p.run(['lint', '--since', '20240501_000000_clean'])).code).toBe(3);
  });

  it('a config with two products needs --product (usage error listing them)', async () => {
    const q = new TempProject('two');
    q.write(
      'ductape.config.json',
      JSON.stringify({ products: { a: { databases: { m: { environments: { dev: 'pglite://memory' } } } }, b: { databases: { m: { environments: { dev: 'pglite://memory' } } } } } }),
    );
    const r = await q.run(['status', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ error: { message: 'ductape.config.* has 2 products (a, b)', hint: 'run `ductape status --product <name>`' } });
  });

  it('a migration directory from the config (migrationsDir) or --dir', async () => {
    const q = new TempProject('dir');
    q.write('ductape.config.json', JSON.stringify({ migrationsDir: 'db/migrations', products: { shop: { databases: { main: { environments: { dev: 'pglite://memory' } } } } } }));
    q.write(
      'db/migrations/20240601_000000_x.mjs',
      "import { migration } from '@ductape/sdk';\nexport const migration_ = 0;\nexport default migration('x').createCollection('x', { id: 'integer' }).build();\n",
    );
    q.write('other/20240602_000000_y.mjs', "import { migration as m } from '@ductape/sdk';\nexport const migration = m('y').createCollection('y', { id: 'integer' }).build();\n");
    const a = (await q.run(['plan', '--json'])).json<{ migrations: { tag: string }[] }>();
    expect(a.migrations.map((m) => m.tag)).toEqual(['20240601_000000_x']);
    const b = (await q.run(['plan', '--dir', 'other', '--json'])).json<{ migrations: { tag: string; name: string }[] }>();
    expect(b.migrations).toMatchObject([{ tag: '20240602_000000_y', name: 'y' }]);
    const created = (await q.run(['new', 'z', '--json'])).json<{ file: string }>();
    expect(created.file).toContain(join('db', 'migrations'));
  });
});
