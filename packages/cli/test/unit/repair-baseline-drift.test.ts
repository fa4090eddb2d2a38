import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

describe('repair', () => {
  const p = new TempProject('repair');
  const T = '20240201_000000_broken';

  it('a failed migration shows in status; repair asks, then marks it rolled back or applied', async () => {
    p.migration(T, ".createCollection('things', { id: 'integer' })\n  .raw('postgresql', 'SELECT 1/0', { down: 'SELECT 1' })");
    const up = await p.run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_MIGRATION_FAILED' } });
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ failed: 1, migrations: [{ tag: T, state: 'failed' }] });

    const noYes = await p.run(['repair', '--mark', 'rolled-back']);
    expect(noYes.code).toBe(4);
    expect(noYes.stderr).toContain('--yes');
    const bad = await p.run(['repair', '--mark', 'fixed']);
    expect(bad.code).toBe(2);

    const rolled = await p.run(['repair', '--mark', 'rolled-back', '--yes', '--json']);
    expect(rolled.code).toBe(0);
    expect(rolled.json()).toMatchObject({ mark: 'rolled-back', migration: { tag: T }, before: { status: 'failed' } });
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ failed: 0, pending: 1 });

    expect((await p.run(['up'])).code).toBe(1);
    const applied = await p.run(['repair', T, '--mark', 'applied', '--yes']);
    expect(applied.code).toBe(0);
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ applied: 1, failed: 0, upToDate: true });
    const none = await p.run(['repair', '--mark', 'applied', '--yes', '--json']);
    expect(none.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_NOT_FAILED' } });
  });
});

describe('baseline, drift and unlock', () => {
  const p = new TempProject('baseline');
  const A = '20240301_000000_create_a';
  const B = '20240302_000000_create_b';
  const db = () => join(p.dir, '.ductape', 'default', 'default');

  it('baseline records migrations up to a tag as applied without running them', async () => {
    p.migration(A, ".createCollection('a', { id: { type: 'integer', primaryKey: true } })");
    p.migration(B, ".createCollection('b', { id: { type: 'integer', primaryKey: true }, name: { type: 'string', length: 40 } })");
    const r = await p.run(['baseline', A, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ recorded: [{ tag: A, name: 'create_a' }] });
    expect((await p.run(['baseline', A, '--json'])).json()).toMatchObject({ recorded: [] });
    expect((await p.run(['status', '--json'])).json()).toMatchObject({
      migrations: [
        { tag: A, state: 'applied' },
        { tag: B, state: 'pending' },
      ],
    });
    const up = await p.run(['up', '--json']);
    expect(up.json<{ results: { tag: string }[] }>().results.map((x) => x.tag)).toEqual([B]);
    const h = (await p.run(['history', '--json'])).json<{ history: { tag: string; appliedBy: string }[] }>();
    expect(h.history[0]?.appliedBy).toContain('(baseline)');
  });

  it('drift reports what the live schema lacks or has in addition (exit 3)', async () => {
    await withPglite(db(), (a) => a.query('ALTER TABLE b ADD COLUMN extra text; ALTER TABLE b ALTER COLUMN name TYPE varchar(80)'));
    const d = await p.run(['drift', '--json']);
    expect(d.code).toBe(3);
    const drifts = d.json<{ drifts: { collection: string; kind: string; field?: string }[] }>().drifts;
    expect(drifts).toEqual(
      expect.arrayContaining([
        { collection: 'a', kind: 'missing-collection' },
        expect.objectContaining({ collection: 'b', kind: 'extra-field', field: 'extra' }),
        expect.objectContaining({ collection: 'b', kind: 'changed-field', field: 'name', expected: 'string, length 40, null', actual: 'string, length 80, null' }),
      ]),
    );
    expect(drifts).toHaveLength(3);
  });

  it('unlock shows the holder of a stuck lease, asks, and clears it', async () => {
    await withPglite(db(), async (a) => {
      const r = await a.lock.tryAcquire({ id: 'crashed-runner', description: 'crashed runner pid 999' }, 600_000);
      expect(r.acquired).toBe(true);
    });
    const free = await p.run(['unlock', '--json']);
    expect(free.code).toBe(4);
    const held = await p.run(['unlock']);
    expect(held.stdout).toContain('crashed runner pid 999');
    const yes = await p.run(['unlock', '--yes', '--json']);
    expect(yes.code).toBe(0);
    expect(yes.json()).toMatchObject({ locked: true, released: true });
    expect(yes.json<{ holder: string }>().holder).toContain('crashed runner pid 999');
    expect((await p.run(['unlock', '--json'])).json()).toMatchObject({ locked: false, released: false });
  });
});
