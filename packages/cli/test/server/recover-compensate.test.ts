import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T1 = '20240901_000000_create_users';
const T2 = '20240902_000000_index_then_check';

type History = { history: { tag: string; status: string; stepsApplied: number; stepsTotal: number }[] };

describe.skipIf(!server)('up --recover compensate on the PostgreSQL server', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'recover');
  const p = new TempProject('recover');
  const run = (args: string[]) => p.run([...args, '--env', 'staging'], { CLI_TEST_PG_URL: db.url });
  const indexOid = () => withServer(db.url, async (a) => (await a.query("SELECT to_regclass('public.idx_users_email')::oid AS oid"))[0]?.oid ?? null);

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
    p.migration(
      T1,
      ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } })\n  .createCollection('gate', { id: { type: 'integer', primaryKey: true } })",
    );
    // Step 1 builds the index CONCURRENTLY (outside any transaction, so it stays when step 2
    // fails); step 2 divides by the row count of `gate`: it fails until gate has a row.
    p.migration(T2, ".createIndex('users', 'idx_users_email', ['email'])\n  .raw('postgresql', 'SELECT 1 / (SELECT count(*)::int FROM gate)', { down: 'SELECT 1' })");
  });

  afterAll(async () => {
    if (server) await db.drop();
  });

  it('a migration failing after a non-transactional step is recorded as failed part-way', async () => {
    const plan = (await run(['plan', T2, '--json'])).json<{ migrations: { steps: { outsideTransaction: boolean; text: string }[] }[] }>();
    expect(plan.migrations[0]?.steps.map((s) => s.outsideTransaction)).toEqual([true, false]);
    const up = await run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ ok: false, command: 'up', exitCode: 1, error: { code: 'DUCTAPE_MIGRATION_FAILED' } });
    expect(up.json<{ error: { message: string } }>().error.message).toContain('division by zero');
    const status = await run(['status', '--json']);
    expect(status.code).toBe(3);
    expect(status.json()).toMatchObject({
      failed: 1,
      migrations: [
        { tag: T1, state: 'applied' },
        { tag: T2, state: 'failed' },
      ],
    });
    const h = (await run(['history', '--json'])).json<History>();
    expect(h.history[1]).toMatchObject({ tag: T2, status: 'failed', stepsApplied: 1, stepsTotal: 2 });
    expect(await indexOid()).not.toBeNull();
  });

  it('resuming (the default) keeps the index it built and fails again at step 2', async () => {
    const before = await indexOid();
    const up = await run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_MIGRATION_FAILED' } });
    expect(await indexOid()).toBe(before);
  });

  it('--recover compensate undoes the applied step (the index is dropped) and runs the migration again from step 1', async () => {
    const before = await indexOid();
    await withServer(db.url, (a) => a.query('INSERT INTO gate (id) VALUES (1)'));
    const up = await run(['up', '--recover', 'compensate', '--json']);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({ ok: true, command: 'up', exitCode: 0, applied: 1, compensated: [{ tag: T2 }], results: [{ tag: T2, outcome: 'applied', stepsTotal: 2 }] });
    const after = await indexOid();
    // Re-created, so another relation: a resume would have kept the first one.
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    const h = (await run(['history', '--json'])).json<History>();
    expect(h.history[1]).toMatchObject({ tag: T2, status: 'applied', stepsApplied: 2, stepsTotal: 2 });
    const status = await run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({ upToDate: true, applied: 2 });
  });

  it('the password of the URL appears in no output', async () => {
    const outputs = await Promise.all([run(['up', '--recover', 'compensate']), run(['status']), run(['history'])]);
    expect(outputs[0]?.stdout).toContain('nothing to apply');
    for (const r of outputs) expect(r.stdout + r.stderr).not.toContain(db.password);
  });
});
