import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T1 = '20240910_000000_create_users';
const T2 = '20240911_000000_drop_index_then_fail';

type History = { history: { tag: string; status: string; direction: string; stepsApplied: number }[] };
type Plan = { direction: string; migrations: { tag: string; action: string; steps: { text: string }[] }[] };
type Down = { rolledBack: number; results: { tag: string; outcome: string }[] };

// Issue 16 defect 6: m1 creates an index; m2 drops it (outside the transaction, so it stays
// dropped) and then fails. `down` must undo m2's applied step first, not roll back m1 under it.
describe.skipIf(!server)('down with a failed migration on top (PostgreSQL server)', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'downfail');
  const p = new TempProject('downfail');
  const run = (args: string[]) => p.run([...args, '--env', 'staging'], { CLI_TEST_PG_URL: db.url });
  const indexExists = () => withServer(db.url, async (a) => (await a.query("SELECT to_regclass('public.idx_users_email') IS NOT NULL AS x"))[0]?.x === true);
  const tableExists = () => withServer(db.url, async (a) => (await a.query("SELECT to_regclass('public.users') IS NOT NULL AS x"))[0]?.x === true);
  const history = async () => (await run(['history', '--json'])).json<History>().history.map((h) => [h.tag, h.status, h.direction]);

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
    p.migration(
      T1,
      ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } })\n  .createCollection('gate', { id: { type: 'integer', primaryKey: true } })\n  .createIndex('users', 'idx_users_email', ['email'])",
    );
    // Step 1 drops the index CONCURRENTLY (outside any transaction, so it stays dropped when step 2
    // fails); step 2 divides by the row count of `gate`: it fails while gate is empty.
    p.migration(
      T2,
      ".raw('postgresql', 'DROP INDEX CONCURRENTLY \"idx_users_email\"', { down: 'CREATE INDEX CONCURRENTLY \"idx_users_email\" ON \"users\" (\"email\")' })\n  .raw('postgresql', 'SELECT 1 / (SELECT count(*)::int FROM gate)', { down: 'SELECT 1' })",
    );
  });

  afterAll(async () => {
    if (server) await db.drop();
  });

  it('up fails part-way: the index is gone, m2 is failed with 1 of 2 steps; the hint names --recover compensate', async () => {
    const up = await run(['up']);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('division by zero');
    expect(up.stderr).toContain('ductape up --recover compensate');
    expect(up.stderr).not.toContain('{ recover');
    const json = (await run(['up', '--json'])).json<{ error: { hint: string } }>();
    expect(json.error.hint).toContain('--recover compensate');
    expect(json.error.hint).not.toContain('{ recover');
    expect(await history()).toEqual([
      [T1, 'applied', 'up'],
      [T2, 'failed', 'up'],
    ]);
    expect(await indexExists()).toBe(false);
  });

  it('plan --down shows what down will do: the compensation of m2 first (one step), then m1 with --to 0', async () => {
    const one = await run(['plan', '--down', '--json']);
    expect(one.code).toBe(0);
    const plan = one.json<Plan>();
    expect(plan.direction).toBe('down');
    expect(plan.migrations.map((m) => [m.tag, m.action])).toEqual([[T2, 'compensate']]);
    expect(plan.migrations[0]?.steps.map((s) => s.text)).toEqual(['CREATE INDEX CONCURRENTLY "idx_users_email" ON "users" ("email")']);
    const all = (await run(['plan', '--down', '--to', '0', '--json'])).json<Plan>();
    expect(all.migrations.map((m) => [m.tag, m.action])).toEqual([
      [T2, 'compensate'],
      [T1, 'down'],
    ]);
    const human = await run(['plan', '--down']);
    expect(human.stdout).toContain('compensation of a failed run');
    expect(await indexExists()).toBe(false); // plan changed nothing
  });

  it('down compensates the failed migration (one step): the index is back, m1 stays applied', async () => {
    const d = await run(['down', '--json']);
    expect(d.code).toBe(0);
    expect(d.json<Down>()).toMatchObject({ rolledBack: 1, results: [{ tag: T2, outcome: 'compensated' }] });
    expect(await indexExists()).toBe(true);
    expect(await history()).toEqual([[T1, 'applied', 'up']]);
  });

  it('down --to 0 rolls back everything, compensating a failed run first', async () => {
    expect((await run(['up'])).code).toBe(1); // fails again at step 2 (gate is still empty)
    expect(await indexExists()).toBe(false);
    const plan = (await run(['plan', '--down', '--to', '0', '--json'])).json<Plan>();
    const d = await run(['down', '--to', '0', '--json']);
    expect(d.code).toBe(0);
    const results = d.json<Down>().results;
    expect(results.map((r) => [r.tag, r.outcome])).toEqual([
      [T2, 'compensated'],
      [T1, 'rolled_back'],
    ]);
    // plan --down listed the same migrations in the same order.
    expect(plan.migrations.map((m) => m.tag)).toEqual(results.map((r) => r.tag));
    expect(await history()).toEqual([]);
    expect(await tableExists()).toBe(false);
    const again = await run(['down', '--to', '0', '--json']);
    expect(again.code).toBe(0);
    expect(again.json<Down>()).toMatchObject({ rolledBack: 0 });
  });

  it('an unknown --to is a usage error that names --to 0', async () => {
    const bad = await run(['down', '--to', 'nope', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.json<{ error: { hint: string } }>().error.hint).toContain('--to 0');
  });
});
