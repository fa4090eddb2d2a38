import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T1 = '20241001_000000_create_users';
const T2 = '20241002_000000_add_phone';
const T3 = '20241003_000000_rename_phone';
const T4 = '20241004_000000_drop_legacy';

type Failure = { ok: boolean; exitCode: number; error: { code: string; message: string; hint: string } };

// Issue 16 defect 7: with DUCTAPE_<P>_<D>_PRD_URL set, `down --env prd` dropped a column with no
// prompt. The CLI now runs the sdk's production guard before up, down, promote and repair.
describe.skipIf(!server)('the production guard of the CLI (PostgreSQL server, env prd from DUCTAPE_SHOP_MAIN_PRD_URL)', () => {
  const prd = serverDatabase(server ?? 'postgres://x@localhost/x', 'guard_prd');
  const staging = serverDatabase(server ?? 'postgres://x@localhost/x', 'guard_stg');
  const p = new TempProject('guard');
  const vars = { DUCTAPE_SHOP_MAIN_PRD_URL: prd.url, CLI_TEST_PG_URL: staging.url };
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => p.run(args, { ...vars, ...extra });
  const columns = (url: string) => withServer(url, async (a) => (await a.introspect('users'))?.fields.map((f) => f.name) ?? []);
  const tags = async (env: string) => (await run(['history', '--env', env, '--json'])).json<{ history: { tag: string; status: string }[] }>().history.map((h) => `${h.tag} ${h.status}`);

  beforeAll(async () => {
    await Promise.all([prd.create(), staging.create()]);
    // prd is not in the config file: only the environment variable names it (as in the issue).
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
    p.migration(T1, ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 }, legacy: 'text' })");
    p.migration(T2, ".addField('users', 'phone', { type: 'string', length: 20 })");
  });

  afterAll(async () => {
    if (server) await Promise.all([prd.drop(), staging.drop()]);
  });

  it('up of additive migrations on prd needs no confirmation', async () => {
    const up = await run(['up', '--env', 'prd', '--json']);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({ applied: 2 });
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy', 'phone']);
  });

  it('down on prd (it drops a column) is refused without a terminal: DUCTAPE_CONFIRMATION_REQUIRED, exit 4, nothing changed', async () => {
    const before = await tags('prd');
    const human = await run(['down', '--env', 'prd']);
    expect(human.code).toBe(4);
    expect(human.stderr).toContain('dropField users.phone');
    expect(human.stderr).toContain('--yes');
    expect(human.stderr).toContain('DUCTAPE_CONFIRM_DESTRUCTIVE=1');
    const json = await run(['down', '--env', 'prd', '--json']);
    expect(json.code).toBe(4);
    expect(json.json<Failure>()).toMatchObject({ ok: false, command: 'down', exitCode: 4, error: { code: 'DUCTAPE_CONFIRMATION_REQUIRED' } });
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy', 'phone']);
    expect(await tags('prd')).toEqual(before);
    // Not a protected environment: no question (staging has the same migrations).
    expect((await run(['up', '--env', 'staging'])).code).toBe(0);
    expect((await run(['down', '--env', 'staging'])).code).toBe(0);
    expect(await columns(staging.url)).toEqual(['id', 'email', 'legacy']);
  });

  it('DUCTAPE_CONFIRM_DESTRUCTIVE=1 or --yes confirms', async () => {
    const viaEnv = await run(['down', '--env', 'prd', '--json'], { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.json()).toMatchObject({ rolledBack: 1, results: [{ tag: T2, outcome: 'rolled_back' }] });
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy']);
    expect((await run(['up', '--env', 'prd'])).code).toBe(0);
    const viaFlag = await run(['down', '--env', 'prd', '--yes', '--json']);
    expect(viaFlag.code).toBe(0);
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy']);
    expect((await run(['up', '--env', 'prd'])).code).toBe(0);
  });

  it('up of a renameField on prd is refused before any change, and runs with --yes', async () => {
    p.migration(T3, ".renameField('users', 'phone', 'mobile')");
    const r = await run(['up', '--env', 'prd', '--json']);
    expect(r.code).toBe(4);
    expect(r.json<Failure>().error).toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    expect(r.json<Failure>().error.message).toContain('renameField users.phone');
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy', 'phone']);
    expect(await tags('prd')).toEqual([`${T1} applied`, `${T2} applied`]);
    const ok = await run(['up', '--env', 'prd', '--yes', '--json']);
    expect(ok.code).toBe(0);
    expect(await columns(prd.url)).toEqual(['id', 'email', 'legacy', 'mobile']);
  });

  it('promote --to prd of a dropField is refused before any change, and runs with --yes', async () => {
    p.migration(T4, ".dropField('users', 'legacy', { previous: { name: 'legacy', type: 'text' } })");
    expect((await run(['up', '--env', 'staging'])).code).toBe(0);
    const r = await run(['promote', '--from', 'staging', '--to', 'prd', '--json']);
    expect(r.code).toBe(4);
    expect(r.json<Failure>()).toMatchObject({ command: 'promote', exitCode: 4, error: { code: 'DUCTAPE_CONFIRMATION_REQUIRED' } });
    expect(r.json<Failure>().error.message).toContain('dropField users.legacy');
    expect(await columns(prd.url)).toContain('legacy');
    const ok = await run(['promote', '--from', 'staging', '--to', 'prd', '--yes', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ promoted: 1 });
    expect(await columns(prd.url)).toEqual(['id', 'email', 'mobile']);
  });

  it('repair on prd goes through the same guard (exit 4 without confirmation; DUCTAPE_CONFIRM_DESTRUCTIVE=1 confirms)', async () => {
    // A failed run on prd: a raw statement that fails (a raw op is destructive for the guard: --yes).
    p.migration('20241005_000000_broken', ".raw('postgresql', 'SELECT 1 / 0', { down: 'SELECT 1' })");
    const up = await run(['up', '--env', 'prd', '--yes']);
    expect(up.code).toBe(1);
    const r = await run(['repair', '--env', 'prd', '--mark', 'rolled-back', '--json']);
    expect(r.code).toBe(4);
    expect(r.json<Failure>().error.code).toBe('DUCTAPE_CONFIRMATION_REQUIRED');
    expect(await tags('prd')).toContain('20241005_000000_broken failed');
    const ok = await run(['repair', '--env', 'prd', '--mark', 'rolled-back', '--json'], { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' });
    expect(ok.code).toBe(0);
    expect(await tags('prd')).not.toContain('20241005_000000_broken failed');
  });

  it('no output names the prd password', async () => {
    const outputs = await Promise.all([run(['status', '--env', 'prd']), run(['down', '--env', 'prd']), run(['history', '--env', 'prd', '--json'])]);
    for (const o of outputs) expect(o.stdout + o.stderr).not.toContain(prd.password);
  });
});
