import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

// Issue 24: plan after a raw migration. A raw step may change any table, so a later pending
// migration that reads the live schema (an op without previous) is shown as checked at apply
// time, not as invalid; one invalid for reasons of its own is still marked invalid.
type PlanDoc = {
  exitCode: number;
  invalid: number;
  migrations: { tag: string; steps: { summary: string }[]; deferred?: string; error?: { code: string } }[];
};

describe('plan after a raw migration (embedded PostgreSQL)', () => {
  const p = new TempProject('plan-after-raw');
  p.migration('20240101_000000_users', ".createCollection('users', { id: 'integer', name: { type: 'string', length: 20 } })");

  it('the migration after the raw one is "checked at apply time", not invalid; exit 0; up then applies it', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    p.migration('20240102_000000_raw', ".raw('postgresql', 'ALTER TABLE users ADD COLUMN nick text', { down: 'ALTER TABLE users DROP COLUMN nick' })");
    p.migration('20240103_000000_widen', ".modifyField('users', 'name', { length: 80 })");
    p.migration('20240104_000000_phone', ".addField('users', 'phone', { type: 'string', length: 20 })");
    const r = await p.run(['plan', '--pending']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('20240103_000000_widen (depends on a raw step; checked at apply time)');
    expect(r.stdout).toContain('ADD COLUMN "phone"');
    expect(r.stdout.trim().split('\n').at(-1)).toContain('3 migrations planned, 1 checked at apply time (after a raw step)');
    const doc = (await p.run(['plan', '--pending', '--json'])).json<PlanDoc>();
    expect(doc).toMatchObject({ exitCode: 0, invalid: 0 });
    expect(doc.migrations.map((m) => [m.tag, m.deferred ?? m.error?.code ?? m.steps.length])).toEqual([
      ['20240102_000000_raw', 1],
      ['20240103_000000_widen', 'depends on a raw step; checked at apply time'],
      ['20240104_000000_phone', 1],
    ]);
    expect((await p.run(['up'])).code).toBe(0);
  });

  it('one invalid for a reason of its own after the raw one is still marked invalid', async () => {
    p.migration('20240105_000000_raw2', ".raw('postgresql', 'SELECT 1', { down: 'SELECT 1' })");
    // The embedded PostgreSQL adapter runs no raw MySQL, whatever the schema: refused.
    p.migration('20240106_000000_bad', ".modifyField('users', 'name', { length: 90 }).raw('mysql', 'SELECT 1', { down: 'SELECT 1' })");
    const doc = (await p.run(['plan', '--pending', '--json'])).json<PlanDoc>();
    expect(doc).toMatchObject({ exitCode: 1, invalid: 1 });
    expect(doc.migrations.map((m) => m.error?.code ?? m.deferred ?? m.steps.length)).toEqual([1, 'DUCTAPE_UNSUPPORTED_OPERATION']);
  });
});
