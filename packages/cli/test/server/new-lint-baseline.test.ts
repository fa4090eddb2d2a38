import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T1 = '20241101_000000_create_orders';
const T2 = '20241102_000000_add_total';

describe.skipIf(!server)('new, lint and baseline in a project whose target is the PostgreSQL server', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'baseline');
  const p = new TempProject('baseline-pg');
  const run = (args: string[]) => p.run([...args, '--env', 'staging'], { CLI_TEST_PG_URL: db.url });
  const tables = () => withServer(db.url, async (a) => (await a.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map((r) => r.table_name));

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
  });

  afterAll(async () => {
    if (server) await db.drop();
  });

  it('new writes a tagged template (exit 0) and refuses a bad name (exit 2); neither touches the server', async () => {
    const r = await run(['new', 'add_total', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json<{ tag: string; file: string; name: string }>();
    expect(r.json()).toMatchObject({ ok: true, command: 'new', exitCode: 0, name: 'add_total' });
    expect(doc.tag).toMatch(/^\d{8}_\d{6}_add_total$/);
    const text = readFileSync(doc.file, 'utf8');
    expect(text).toContain(`.tag("${doc.tag}")`);
    // Filled in and renamed to a fixed tag, it is the second migration of the project.
    writeFileSync(
      doc.file,
      text.replace("// .addField('users', 'phone', { type: 'string', length: 20 })", ".addField('orders', 'total', { type: 'decimal', precision: 10, scale: 2 })").replace(doc.tag, T2),
    );
    p.write(`migrations/${T2}.mjs`, readFileSync(doc.file, 'utf8'));
    rmSync(doc.file);
    p.migration(T1, ".createCollection('orders', { id: { type: 'integer', primaryKey: true }, ref: { type: 'string', length: 40, required: true } })");
    const bad = await run(['new', 'bad name!', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.json()).toMatchObject({ ok: false, command: 'new', exitCode: 2, error: { code: 'DUCTAPE_USAGE' } });
    expect(await tables()).toEqual([]);
  });

  it('lint: clean is exit 0, a drop is exit 3 with its rule; the server is not touched', async () => {
    const clean = await run(['lint', '--json']);
    expect(clean.code).toBe(0);
    expect(clean.json()).toEqual({ ok: true, command: 'lint', exitCode: 0, checked: 2, dialect: 'postgres', notRun: [], findings: [] });
    const drop = p.migration('20241103_000000_drop_orders', ".dropCollection('orders')");
    const r = await run(['lint', '--json']);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: true, exitCode: 3, checked: 3, findings: [{ rule: 'drop-collection', tag: '20241103_000000_drop_orders', collection: 'orders', severity: 'error' }] });
    expect((await run(['lint', '--since', T2, '--ignore', 'drop-collection', '--json'])).json()).toMatchObject({ exitCode: 0, checked: 1, findings: [] });
    rmSync(drop);
    expect(await tables()).toEqual([]);
  });

  it('baseline adopts a database whose schema exists: records up to the tag without running it, then up runs the rest; drift then checks it', async () => {
    // The schema made by other means: the statements plan shows for T1, run by hand.
    const plan = (await run(['plan', T1, '--json'])).json<{ migrations: { steps: { text: string }[] }[] }>();
    await withServer(db.url, async (a) => {
      for (const s of plan.migrations[0]?.steps ?? []) await a.query(s.text);
    });
    const r = await run(['baseline', T1, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, command: 'baseline', exitCode: 0, recorded: [{ tag: T1, name: 'create_orders' }] });
    expect(r.json<{ recorded: { checksum: string }[] }>().recorded[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await run(['baseline', T1, '--json'])).json()).toMatchObject({ recorded: [] });
    expect((await run(['status', '--json'])).json()).toMatchObject({
      exitCode: 3,
      migrations: [
        { tag: T1, state: 'applied' },
        { tag: T2, state: 'pending' },
      ],
    });
    const up = await run(['up', '--json']);
    expect(up.code).toBe(0);
    expect(up.json<{ results: { tag: string }[] }>().results.map((x) => x.tag)).toEqual([T2]);
    const h = (await run(['history', '--json'])).json<{ history: { tag: string; appliedBy: string }[] }>();
    expect(h.history[0]?.appliedBy).toContain('(baseline)');
    const drift = await run(['drift', '--json']);
    expect(drift.code).toBe(0);
    expect(drift.json()).toMatchObject({ drifts: [], checked: ['orders'] });
    // A column added by hand is drift (exit 3).
    await withServer(db.url, (a) => a.query('ALTER TABLE orders ADD COLUMN extra text'));
    const drifted = await run(['drift', '--json']);
    expect(drifted.code).toBe(3);
    expect(drifted.json()).toMatchObject({ ok: true, command: 'drift', exitCode: 3, drifts: [{ collection: 'orders', kind: 'extra-field', field: 'extra' }] });
  });

  it('baseline refuses an unknown tag (exit 2) and a row it would overwrite (exit 1)', async () => {
    const unknown = await run(['baseline', '20990101_000000_nope', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_NOT_FOUND' } });
    p.migration(T2, ".addField('orders', 'total', { type: 'decimal', precision: 12, scale: 2 })");
    const conflict = await run(['baseline', T2, '--json']);
    expect(conflict.code).toBe(1);
    expect(conflict.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_BASELINE_CONFLICT' } });
  });
});
