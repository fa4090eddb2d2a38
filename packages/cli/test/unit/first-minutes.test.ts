import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, PACKAGE_ROOT, TempProject } from '../support/cli.js';

/** The package of the binary under test. */
const BUILT = dirname(dirname(BIN));

// Issue 18, CLI points 1–8: the first minutes of a new user, through the built binary.

const files = (p: TempProject) => readdirSync(join(p.dir, 'migrations')).sort();
const fill = (file: string, chain: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/ {2}\/\/ \.addField\([^\n]*\n/, `  ${chain}\n`));
type Status = { migrations: { tag: string; state: string }[]; missing: { tag: string }[]; historyOnly: { tag: string }[]; draft: number; upToDate: boolean };

describe('1. a fresh template is a draft and never breaks the others', () => {
  it('status lists it as draft, up skips it with one warning line, lint flags it', async () => {
    const p = new TempProject('draft');
    const users = (await p.run(['new', 'create_users', '--json'])).json<{ file: string; tag: string }>();
    const phone = (await p.run(['new', 'add_phone', '--json'])).json<{ file: string; tag: string }>();
    fill(users.file, ".createCollection('users', { id: { type: 'uuid', primaryKey: true } })");
    const status = await p.run(['status', '--json']);
    expect(status.code).toBe(3); // create_users is pending
    expect(status.json<Status>().migrations).toEqual([
      { tag: users.tag, name: 'create_users', state: 'pending', appliedAt: null, error: null },
      { tag: phone.tag, name: 'add_phone', state: 'draft', appliedAt: null, error: null },
    ]);
    const up = await p.run(['up']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`applied     ${users.tag}`);
    expect(up.stderr.split('\n').filter((l) => l.includes('warning'))).toEqual([`warning skipped draft ${phone.tag}: it has no operations yet (add some, or delete migrations/${phone.tag}.mjs)`]);
    const after = await p.run(['status']);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`draft        ${phone.tag}  (no operations yet: up skips it)`);
    const lint = await p.run(['lint', '--json']);
    expect(lint.code).toBe(3);
    expect(lint.json<{ findings: unknown[] }>().findings).toEqual([
      { rule: 'draft', severity: 'error', tag: phone.tag, op: null, collection: '', message: 'has no operations yet (a draft: `ductape up` skips it)', hint: 'add its operations, or delete the file' },
    ]);
    expect((await p.run(['lint', '--ignore', 'draft'])).code).toBe(0);
  });
});

describe('2. tags made by new are strictly increasing', () => {
  it('a tag later than now in the directory: the next is one second after it', async () => {
    const p = new TempProject('tags');
    p.migration('20990101_000000_later', ".createCollection('t', { id: 'integer' })");
    const a = (await p.run(['new', 'a', '--json'])).json<{ tag: string }>();
    const b = (await p.run(['new', 'b', '--json'])).json<{ tag: string }>();
    expect([a.tag, b.tag]).toEqual(['20990101_000001_a', '20990101_000002_b']);
  });

  it('two new in a row (the same second, often) sort in the order they were made', async () => {
    const p = new TempProject('same-second');
    const [a, b] = [(await p.run(['new', 'create_users', '--json'])).json<{ tag: string }>(), (await p.run(['new', 'add_phone', '--json'])).json<{ tag: string }>()];
    expect(a.tag.slice(0, 15) < b.tag.slice(0, 15)).toBe(true);
    expect(files(p)).toEqual([`${a.tag}.mjs`, `${b.tag}.mjs`]);
  });
});

describe('3. .ts migrations load in CommonJS and ESM packages; tsx is optional', () => {
  for (const type of ['commonjs', 'module'] as const) {
    it(`new --ts, filled in, loads and applies in a "type": "${type}" package`, async () => {
      const p = new TempProject(`ts-${type}`);
      p.write('package.json', JSON.stringify({ name: 'app', ...(type === 'module' ? { type } : {}) }));
      const made = (await p.run(['new', 'create_users', '--ts', '--json'])).json<{ file: string; tag: string }>();
      expect(made.file.endsWith('.ts')).toBe(true);
      fill(made.file, ".createCollection('users', { id: { type: 'uuid', primaryKey: true } })");
      const status = await p.run(['status', '--json']);
      expect(status.stderr).toBe('');
      expect(status.json<Status>().migrations).toMatchObject([{ tag: made.tag, state: 'pending' }]);
      expect((await p.run(['up'])).code).toBe(0);
      expect((await p.run(['status'])).code).toBe(0);
    });
  }

  it('without tsx installed: .mjs files work, a .ts file is DUCTAPE_TSX_MISSING saying what to install', async () => {
    // The CLI as a user installs it, in a project with the sdk and picocolors but no tsx.
    const p = new TempProject('no-tsx');
    const cli = join(p.dir, 'node_modules', '@ductape', 'cli');
    mkdirSync(cli, { recursive: true });
    cpSync(join(BUILT, 'dist'), join(cli, 'dist'), { recursive: true });
    cpSync(join(BUILT, 'package.json'), join(cli, 'package.json'));
    symlinkSync(dirname(require_resolve('picocolors/package.json')), join(p.dir, 'node_modules', 'picocolors'), 'dir');
    const bin = join(cli, 'dist', 'bin.js');
    p.migration('20240101_000000_create_t', ".createCollection('t', { id: 'integer' })");
    expect((await p.run(['status'], {}, bin)).code).toBe(3);
    p.migration('20240102_000000_create_u', ".createCollection('u', { id: 'integer' })", 'ts');
    const r = await p.run(['status', '--json'], {}, bin);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({
      error: {
        code: 'DUCTAPE_TSX_MISSING',
        message: 'migrations/20240102_000000_create_u.ts is TypeScript, and loading it needs the optional package tsx, which is not installed',
        hint: 'run `npm install -D tsx` (any 4.x from 4.10), or write the migration as .mjs (`ductape new <name>` without --ts)',
      },
    });
  });

  it('tsx is an optional peer dependency, not a dependency', () => {
    const pkg = JSON.parse(readFileSync(join(BUILT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.peerDependencies.tsx).toMatch(/^\^4\./);
    expect(pkg.peerDependenciesMeta.tsx?.optional).toBe(true);
  });
});

describe('4. usage errors: one line what is wrong, one line what to run, exit 2', () => {
  const p = new TempProject('usage');
  const cases: [string[], string, string][] = [
    [['stauts'], 'error unknown command "stauts" (did you mean status?)', 'hint  run `ductape status`, or `ductape --help` for the list of commands'],
    [['up', '--bogus'], 'error up: unknown flag --bogus', 'hint  run `ductape up --help` for its flags'],
    [['status', '--jsno'], 'error status: unknown flag --jsno (did you mean --json?)', 'hint  run `ductape status --help` for its flags'],
    [['down', '--steps', 'abc'], 'error down: --steps must be a whole number of at least 1, got "abc"', 'hint  run `ductape down --steps 1`, or `ductape down --to 0` to roll back everything'],
    [['down', '--steps', '2', '--to', '0'], 'error down takes --to or --steps, not both', 'hint  run `ductape down --steps <n>` or `ductape down --to <tag>`'],
    [['up', '--to'], 'error up: --to needs a value', 'hint  run `ductape up --to <tag>`'],
    [['repair'], 'error repair needs --mark rolled-back or --mark applied', 'hint  run `ductape repair <tag> --mark rolled-back` (you undid it by hand) or `--mark applied` (you finished it)'],
  ];
  for (const [args, what, hint] of cases) {
    it(`ductape ${args.join(' ')}`, async () => {
      const r = await p.run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${what}\n${hint}\n`);
      expect(r.stderr).not.toContain('<command>');
    });
  }

  it('a connection error: the hint once, and no advice about Ductape’s own test servers', async () => {
    const r = await p.run(['history'], { DUCTAPE_DEFAULT_DEFAULT_DEV_URL: 'postgres://app@127.0.0.1:1/app' });
    expect(r.code).toBe(1);
    const [message, hint, ...rest] = r.stderr.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(hint).toBe('hint  check that the server is running and the connection settings are right');
    expect(message).toMatch(/^error could not connect to PostgreSQL .*ECONNREFUSED/);
    expect(message).not.toContain('check that the server');
    expect(r.stderr).not.toContain('services:up');
  });
});

describe('5. a missing migrations directory, and applied migrations whose file is missing', () => {
  it('--dir to a directory that does not exist is a usage error, for status, up, plan and lint', async () => {
    const p = new TempProject('nodir');
    for (const cmd of ['status', 'up', 'plan', 'lint']) {
      const r = await p.run([cmd, '--dir', '/nonexistent/migrations', '--json']);
      expect(r.code).toBe(2);
      expect(r.json()).toMatchObject({ error: { code: 'DUCTAPE_NO_MIGRATIONS_DIR', message: 'the migrations directory /nonexistent/migrations does not exist' } });
    }
  });

  it('status shows missing files (exit 3); up refuses before any change unless --allow-missing; db.schema rows are not missing', async () => {
    const p = new TempProject('missing');
    p.migration('20240101_000000_create_a', ".createCollection('a', { id: 'integer' })");
    expect((await p.run(['up'])).code).toBe(0);
    // A migration made in code by db.schema.* has no file, and that is not "missing".
    p.write(
      'intent.mjs',
      "import { DatabaseService } from '@ductape/sdk';\nconst db = new DatabaseService();\nawait db.connect({ env: 'dev', product: 'default', database: 'default' });\nawait db.schema.create('b', { id: 'integer' });\nawait db.disconnect();\n",
    );
    await runNode(p, 'intent.mjs');
    expect((await p.run(['status'])).code).toBe(0);
    mkdirSync(join(p.dir, 'elsewhere'));
    renameSync(join(p.dir, 'migrations', '20240101_000000_create_a.mjs'), join(p.dir, 'elsewhere', '20240101_000000_create_a.mjs'));
    p.migration('20240102_000000_create_c', ".createCollection('c', { id: 'integer' })");
    const status = await p.run(['status', '--json']);
    expect(status.code).toBe(3);
    const doc = status.json<Status>();
    expect(doc.missing).toEqual([{ tag: '20240101_000000_create_a', name: 'create_a', status: 'applied' }]);
    expect(doc.historyOnly.map((h) => h.tag)).toEqual([expect.stringMatching(/_create_b$/)]);
    expect((await p.run(['status'])).stdout).toContain('missing      20240101_000000_create_a (applied, but no file in migrations)');
    const up = await p.run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ error: { code: 'DUCTAPE_MISSING_MIGRATIONS', message: '1 applied migration has no file in migrations (20240101_000000_create_a); nothing was changed' } });
    expect((await p.run(['status', '--json'])).json<Status>().migrations).toMatchObject([{ tag: '20240102_000000_create_c', state: 'pending' }]);
    const allowed = await p.run(['up', '--allow-missing']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('applied     20240102_000000_create_c');
  });
});

describe('6. lint numbers operations from 1, in text and in --json', () => {
  it('the same number in both', async () => {
    const p = new TempProject('lint-op');
    p.migration('20240101_000000_risky', ".addField('users', 'age', { type: 'integer', required: true })\n  .dropField('users', 'email')");
    const text = await p.run(['lint']);
    const json = (await p.run(['lint', '--json'])).json<{ findings: { rule: string; op: number }[] }>();
    expect(json.findings.map((f) => [f.rule, f.op])).toEqual([
      ['not-null-without-default', 1],
      ['drop-field', 2],
    ]);
    expect(text.stdout).toContain('20240101_000000_risky op 1: ');
    expect(text.stdout).toContain('20240101_000000_risky op 2: ');
  });
});

describe('7. colour follows NO_COLOR, FORCE_COLOR and the terminal', () => {
  it('off into a pipe, on with FORCE_COLOR, off again when NO_COLOR is set too', async () => {
    const p = new TempProject('colour');
    mkdirSync(join(p.dir, 'migrations'));
    const ansi = /\u001b\[\d+m/;
    expect((await p.run(['status'], { NO_COLOR: '' })).stdout).not.toMatch(ansi);
    expect((await p.run(['status'], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).toMatch(ansi);
    expect((await p.run(['stauts'], { NO_COLOR: '', FORCE_COLOR: '1' })).stderr).toMatch(ansi);
    expect((await p.run(['status'], { NO_COLOR: '', FORCE_COLOR: '0' })).stdout).not.toMatch(ansi);
    expect((await p.run(['status'], { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toMatch(ansi);
  });
});

describe('8. new --from-intent writes the migration a db.schema call would apply, without applying it', () => {
  it('reads the live schema, changes nothing, and the file applies like the call', async () => {
    const p = new TempProject('intent');
    p.migration('20240101_000000_create_users', ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } })");
    expect((await p.run(['up'])).code).toBe(0);
    const made = await p.run(['new', 'add_phone', '--from-intent', '{"addField":["users","phone",{"type":"string","length":20}]}', '--json']);
    expect(made.code).toBe(0);
    const doc = made.json<{ file: string; tag: string; operations: number }>();
    expect(doc.operations).toBe(1);
    expect(readFileSync(doc.file, 'utf8')).toContain('"type": "addField"');
    const status = (await p.run(['status', '--json'])).json<Status>();
    expect(status.migrations.map((m) => m.state)).toEqual(['applied', 'pending']);
    expect(status.historyOnly).toEqual([]);
    // A drop reads what it removes: the file carries the definition, so down restores it.
    const drop = (await p.run(['new', 'drop_email', '--from-intent', '{"dropField":["users","email"]}', '--json'])).json<{ file: string }>();
    expect(readFileSync(drop.file, 'utf8')).toMatch(/"previous": \{[^}]*"name": "email"/);
    expect((await p.run(['up'])).code).toBe(0);
    // The column exists now: the same intent is refused as the call would be.
    const again = await p.run(['new', 'add_phone_again', '--from-intent', '{"addField":["users","phone","string"]}', '--json']);
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ error: { code: 'DUCTAPE_ALREADY_EXISTS' } });
    expect((await p.run(['down', '--json'])).json()).toMatchObject({ rolledBack: 1, results: [{ name: 'drop_email' }] });
  });

  it('bad intents are usage errors', async () => {
    const p = new TempProject('intent-bad');
    for (const [json, message] of [
      ['{nope', /^new: --from-intent is not JSON/],
      ['{"addField":[],"drop":[]}', /^new: --from-intent takes one object with one key/],
      ['{"truncate":["users"]}', /^new: --from-intent: "truncate" is not a db.schema method/],
    ] as const) {
      const r = await p.run(['new', 'x', '--from-intent', json, '--json']);
      expect(r.code).toBe(2);
      expect(r.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
  });
});

function require_resolve(spec: string): string {
  return createRequire(join(PACKAGE_ROOT, 'package.json')).resolve(spec);
}

function runNode(p: TempProject, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: p.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${String(code)}: ${err}`))));
  });
}
