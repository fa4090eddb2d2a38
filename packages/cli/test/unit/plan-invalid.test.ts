import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

// Issue 24: plan shows every migration it can and marks an invalid one (its typed error), instead
// of stopping at the first; exit 1 when any is invalid.
type PlanDoc = {
  ok: boolean;
  exitCode: number;
  invalid: number;
  migrations: { tag: string; name: string; steps: { summary: string }[]; error?: { code: string; message: string; hint: string | null } }[];
};

describe('plan with an invalid migration among valid ones (compiled offline)', () => {
  const p = new TempProject('plan-invalid');
  p.migration('20240101_000000_users', ".createCollection('users', { id: 'integer', name: 'string' })");
  // The embedded PostgreSQL adapter runs no raw MySQL: refused before any IO.
  p.migration('20240102_000000_mysql_only', ".raw('mysql', 'ALTER TABLE users ENGINE=InnoDB', { down: 'SELECT 1' })");
  // build() refuses a negative length while the file is imported.
  p.migration('20240103_000000_bad_length', ".addField('users', 'code', { type: 'string', length: -1 })");
  p.migration('20240104_000000_phone', ".addField('users', 'phone', { type: 'string', length: 20 })");

  it('lists all four, the two invalid ones with their codes; exit 1', async () => {
    const r = await p.run(['plan']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('CREATE TABLE "public"."users"');
    expect(r.stdout).toContain('ALTER TABLE "public"."users" ADD COLUMN "phone"');
    expect(r.stdout).toMatch(/20240102_000000_mysql_only \(invalid: up would stop here; nothing of it would run\)\nerror DUCTAPE_UNSUPPORTED_OPERATION .*mysql/);
    expect(r.stdout).toMatch(/20240103_000000_bad_length \(invalid[^\n]*\nerror DUCTAPE_MIGRATION_LOAD .*length/);
    expect(r.stdout.trim().split('\n').at(-1)).toContain('4 migrations planned, 2 invalid');
  });

  it('--json lists them all, each invalid one with { code, message, hint }', async () => {
    const doc = (await p.run(['plan', '--json'])).json<PlanDoc>();
    expect(doc).toMatchObject({ ok: true, exitCode: 1, invalid: 2 });
    expect(doc.migrations.map((m) => [m.tag, m.error?.code ?? m.steps.length])).toEqual([
      ['20240101_000000_users', 1],
      ['20240102_000000_mysql_only', 'DUCTAPE_UNSUPPORTED_OPERATION'],
      ['20240103_000000_bad_length', 'DUCTAPE_MIGRATION_LOAD'],
      ['20240104_000000_phone', 1],
    ]);
    expect(doc.migrations[1]?.error?.hint).toEqual(expect.any(String));
  });

  it('plan of valid files alone still exits 0', async () => {
    const r = await p.run(['plan', '20240101_000000_users', '20240104_000000_phone', '--json']);
    expect(r.json<PlanDoc>()).toMatchObject({ exitCode: 0, invalid: 0 });
  });
});

describe('plan resolved against the live schema with an invalid migration', () => {
  const p = new TempProject('plan-invalid-live');
  p.migration('20240101_000000_users', ".createCollection('users', { id: 'integer', name: 'string', nick: 'string' })");

  it('the refuted one is marked (DUCTAPE_VALIDATION), the ones before and after it are planned', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    p.migration('20240102_000000_drop_name', ".dropField('users', 'name')");
    p.migration('20240103_000000_drop_ghost', ".dropField('users', 'ghost')");
    p.migration('20240104_000000_drop_nick', ".dropField('users', 'nick')");
    const r = await p.run(['plan', '--pending']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('DROP COLUMN "name"');
    expect(r.stdout).toContain('DROP COLUMN "nick"');
    expect(r.stdout).toMatch(/20240103_000000_drop_ghost \(invalid[^\n]*\nerror DUCTAPE_VALIDATION .*ghost/);
    const doc = (await p.run(['plan', '--pending', '--json'])).json<PlanDoc>();
    expect(doc).toMatchObject({ exitCode: 1, invalid: 1 });
    expect(doc.migrations.map((m) => m.error?.code ?? 'ok')).toEqual(['ok', 'DUCTAPE_VALIDATION', 'ok']);
  });
});
