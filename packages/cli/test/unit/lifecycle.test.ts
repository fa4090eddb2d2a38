import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

const T1 = '20240115_143052_create_users';
const T2 = '20240116_090000_add_phone';

describe('new → up → status → history → down on embedded PGlite (zero config)', () => {
  const p = new TempProject('life');
  it('new writes a tagged template that loads once it has operations', async () => {
    const r = await p.run(['new', 'add_phone', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json<{ tag: string; file: string; name: string }>();
    expect(doc.name).toBe('add_phone');
    expect(doc.tag).toMatch(/^\d{8}_\d{6}_add_phone$/);
    const text = readFileSync(doc.file, 'utf8');
    expect(text).toContain(`migration("add_phone")`);
    expect(text).toContain(`.tag("${doc.tag}")`);
    // Empty, it is a draft that lint flags (exit 3, no stack); lint needs no database.
    const s = await p.run(['lint']);
    expect(s.code).toBe(3);
    expect(s.stdout).toContain('has no operations yet');
    expect(s.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(doc.file, text.replace("// .addField('users', 'phone', { type: 'string', length: 20 })", ".addField('users', 'phone', { type: 'string', length: 20 })").replace(doc.tag, T2));
    const renamed = join(p.dir, 'migrations', `${T2}.mjs`);
    writeFileSync(renamed, readFileSync(doc.file, 'utf8'));
    (await import('node:fs')).rmSync(doc.file);
    p.migration(
      T1,
      ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } })\n  .createIndex('users', 'idx_users_email', ['email'], { unique: true })",
    );
    expect(readdirSync(join(p.dir, 'migrations')).sort()).toEqual([`${T1}.mjs`, `${T2}.mjs`]);
  });

  it('plan prints the SQL without touching the database', async () => {
    const r = await p.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "public"."users"');
    expect(r.stdout).toContain('ALTER TABLE "public"."users" ADD COLUMN "phone" varchar(20)');
    expect(existsSync(join(p.dir, '.ductape', 'default', 'default', 'PG_VERSION'))).toBe(false);
    // Files named on the command line: their down, newest first, without the database.
    const j = (await p.run(['plan', T1, T2, '--down', '--json'])).json<{ direction: string; migrations: { tag: string; steps: { kind: string; text: string }[] }[] }>();
    expect(j.direction).toBe('down');
    expect(j.migrations.map((m) => m.tag)).toEqual([T2, T1]);
    expect(j.migrations[0]?.steps[0]?.text).toContain('DROP COLUMN "phone"');
    expect(existsSync(join(p.dir, '.ductape', 'default', 'default', 'PG_VERSION'))).toBe(false);
  });

  it('status says pending (exit 3), up applies in tag order, status is then up to date (exit 0)', async () => {
    const before = await p.run(['status', '--json']);
    expect(before.code).toBe(3);
    expect(before.json()).toMatchObject({ ok: true, command: 'status', exitCode: 3, pending: 2, applied: 0, upToDate: false });
    const up = await p.run(['up', '--to', T1, '--json']);
    expect(up.code).toBe(0);
    expect(up.json<{ results: { tag: string; outcome: string }[] }>().results.map((r) => [r.tag, r.outcome])).toEqual([[T1, 'applied']]);
    const rest = await p.run(['up']);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain(`applied     ${T2}`);
    const again = await p.run(['up', '--json']);
    expect(again.json()).toMatchObject({ applied: 0, results: [] });
    const after = await p.run(['status', '--json']);
    expect(after.code).toBe(0);
    expect(after.json()).toMatchObject({
      applied: 2,
      pending: 0,
      upToDate: true,
      migrations: [
        { tag: T1, state: 'applied' },
        { tag: T2, state: 'applied' },
      ],
    });
  });

  it('history lists the rows in order with checksums', async () => {
    const h = await p.run(['history', '--json']);
    expect(h.code).toBe(0);
    const rows = h.json<{ history: { tag: string; status: string; checksum: string; stepsTotal: number }[] }>().history;
    expect(rows.map((r) => [r.tag, r.status])).toEqual([
      [T1, 'applied'],
      [T2, 'applied'],
    ]);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('down rolls back one step by default, --to rolls back to a tag', async () => {
    // plan --down (no files named) plans exactly what down will do, from the history.
    const planned = (await p.run(['plan', '--down', '--json'])).json<{ migrations: { tag: string; action: string }[] }>();
    expect(planned.migrations.map((m) => [m.tag, m.action])).toEqual([[T2, 'down']]);
    const d = await p.run(['down', '--json']);
    expect(d.code).toBe(0);
    expect(d.json<{ results: { tag: string; outcome: string }[] }>().results.map((r) => [r.tag, r.outcome])).toEqual([[T2, 'rolled_back']]);
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ applied: 1, pending: 1 });
    expect((await p.run(['up'])).code).toBe(0);
    const to = await p.run(['down', '--to', T1, '--json']);
    expect(to.json<{ rolledBack: number }>().rolledBack).toBe(1);
    const all = await p.run(['down', '--steps', '5', '--json']);
    expect(all.json<{ rolledBack: number }>().rolledBack).toBe(1);
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ applied: 0, pending: 2 });
  });

  it('refuses a migration changed after it ran (DUCTAPE_CHECKSUM_MISMATCH, exit 1, nothing run)', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    p.migration(T2, ".addField('users', 'phone', { type: 'string', length: 40 })");
    const s = await p.run(['status', '--json']);
    expect(s.code).toBe(3);
    expect(s.json()).toMatchObject({ changed: 1, migrations: [{ state: 'applied' }, { tag: T2, state: 'changed' }] });
    const up = await p.run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ ok: false, command: 'up', exitCode: 1, error: { code: 'DUCTAPE_CHECKSUM_MISMATCH' } });
    const human = await p.run(['up']);
    expect(human.stderr).toContain('was changed after it ran');
    expect(human.stderr).toContain('hint');
  });
});
