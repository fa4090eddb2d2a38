import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

const T1 = '20240401_000000_create_t';
const T2 = '20240402_000000_widen';
const T3 = '20240403_000000_add_and_widen';

// Issue 16 defect 1: a modifyField built without `previous` used to plan (and apply) as zero
// steps. plan now reads the old definition from the database (read only), as up does, each
// pending migration against what the earlier ones leave.
describe('plan of ops without previous reads the definitions from the database (embedded PGlite)', () => {
  const p = new TempProject('plan-live');
  p.migration(T1, ".createCollection('t', { id: { type: 'uuid', primaryKey: true }, a: 'text', b: { type: 'string', length: 100 } })");
  p.migration(T2, ".modifyField('t', 'a', { type: 'string', length: 255 })\n  .modifyField('t', 'b', { length: 255 })");
  p.migration(T3, ".addField('t', 'c', { type: 'string', length: 5 })\n  .modifyField('t', 'c', { length: 50 })");

  it('plans real ALTER statements before anything is applied, and changes nothing', async () => {
    const r = await p.run(['plan', '--json']);
    expect(r.code).toBe(0);
    const migrations = r.json<{ migrations: { tag: string; steps: { kind: string; text?: string }[] }[] }>().migrations;
    const widen = migrations.find((m) => m.tag === T2)!;
    expect(widen.steps.length).toBeGreaterThan(0);
    expect(widen.steps.map((s) => s.text).join('\n')).toMatch(/ALTER TABLE .*"a".*varchar\(255\)/s);
    expect(widen.steps.map((s) => s.text).join('\n')).toMatch(/"b".*varchar\(255\)/s);
    expect(
      migrations
        .find((m) => m.tag === T3)!
        .steps.map((s) => s.text)
        .join('\n'),
    ).toMatch(/"c".*varchar\(50\)/s);
    const status = await p.run(['status', '--json']);
    expect(status.json<{ pending: number }>().pending).toBe(3);
  });

  it('up applies them with their steps, and down restores the old columns', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    const history = (await p.run(['history', '--json'])).json<{ rows?: { tag: string; stepsTotal: number }[]; history?: { tag: string; stepsTotal: number }[] }>();
    const rows = history.rows ?? history.history ?? [];
    expect(rows.find((h) => h.tag === T2)?.stepsTotal).toBeGreaterThan(0);
    const types = () =>
      withPglite(join(p.dir, '.ductape', 'default', 'default'), (a) =>
        a.query("SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position"),
      );
    expect((await types()).map((c) => `${c.column_name}:${c.data_type}:${c.character_maximum_length ?? ''}`)).toEqual([
      'id:uuid:',
      'a:character varying:255',
      'b:character varying:255',
      'c:character varying:50',
    ]);
    expect((await p.run(['down', '--to', T1])).code).toBe(0);
    expect((await types()).map((c) => `${c.column_name}:${c.data_type}:${c.character_maximum_length ?? ''}`)).toEqual(['id:uuid:', 'a:text:', 'b:character varying:100']);
  });
});
