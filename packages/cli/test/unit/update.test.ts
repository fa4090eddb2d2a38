import { describe, expect, it } from 'vitest';
import type { UpdateProgress } from '@ductape/sdk';
import { cliWording } from '../../src/cli/cli-wording.js';
import { duration, progressLine } from '../../src/cli/update-progress.js';
import { TempProject } from '../support/cli.js';

const CONFIG = { products: { shop: { databases: { main: { environments: { dev: 'pglite://.ductape/dev', prd: 'pglite://.ductape/prd' } } } } } };
const USERS = `.createCollection('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string', full_name: 'string', code: { type: 'string', length: 5 } })
  .raw('postgresql', "INSERT INTO users (id, first_name, last_name, code) SELECT g, 'F' || g, 'L' || g, 'abc' FROM generate_series(1, 2500) g", { down: 'DELETE FROM users' })`;
const SPEC = ['--table', 'users', '--set', '{"full_name":{"$CONCAT":["first_name"," ","last_name"]}}', '--where', '{"full_name":null}'];

describe('ductape update (db.update from the command line)', () => {
  const p = new TempProject('update');
  p.write('ductape.config.json', JSON.stringify(CONFIG));
  p.migration('20240101_000000_users', USERS);
  const left = async (env = 'dev') => (await p.run(['update', ...SPEC, '--env', env, '--dry-run', '--json'])).json<{ rowsToUpdate: number }>().rowsToUpdate;

  it('--dry-run counts the rows and shows the statements with their parameters; nothing changes', async () => {
    expect((await p.run(['up', '--env', 'dev'])).code).toBe(0);
    const dry = await p.run(['update', ...SPEC, '--dry-run', '--batch-size', '1000']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run, nothing was changed');
    expect(dry.stdout).toContain('would update 2500 rows of users');
    // PostgreSQL: the batch function created once per run, then one call per batch.
    expect(dry.stdout).toContain('CREATE OR REPLACE FUNCTION pg_temp."ductape_update_batch_');
    expect(dry.stdout).toContain('SELECT "id" INTO _dt_b0 FROM "public"."users" ORDER BY "id" OFFSET _dt_limit - 1 LIMIT 1;');
    expect(dry.stdout).toMatch(/params: \[null,1000,0,"[^"]+"," "\]/); // no saved key yet, the batch size, the rows before, the progress row's id, the space
    const json = (await p.run(['update', ...SPEC, '--dry-run', '--json'])).json<{ dryRun: boolean; rowsToUpdate: number; statements: { description: string; text?: string; params?: unknown[] }[] }>();
    expect(json).toMatchObject({ ok: true, dryRun: true, rowsToUpdate: 2500, table: 'users' });
    expect(json.statements[1]?.params).toEqual([null, 5000, 0, expect.any(String), ' ']);
    expect(await left()).toBe(2500);
  });

  it('runs in batches and prints one summary line (no progress bar when stderr is not a terminal)', async () => {
    const r = await p.run(['update', ...SPEC, '--batch-size', '1000', '--max-lock-ms', '60000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^updated 2500 rows of users in 3 batches \(\d+\.\d s, \d+ rows\/s, longest batch [\d.]+ ms\)\n$/);
    expect(r.stderr).not.toContain('rows/s');
    expect(await left()).toBe(0);
    const again = (await p.run(['update', ...SPEC, '--json'])).json();
    expect(again).toMatchObject({ ok: true, dryRun: false, rowsUpdated: 0, batches: 0 });
  });

  it('on prd asks first: refused without --yes (exit 4, nothing changed), run with --yes or DUCTAPE_CONFIRM_DESTRUCTIVE=1', async () => {
    expect((await p.run(['up', '--env', 'prd', '--yes'])).code).toBe(0);
    const refused = await p.run(['update', ...SPEC, '--env', 'prd']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('update on env "prd" would run 1 destructive operation (users: update users — changes the values of 2500 rows');
    expect(refused.stderr).toContain('pass --yes, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1, to confirm (the same command with --dry-run shows the rows and statements first)');
    expect(await left('prd')).toBe(2500);
    // A dry run changes nothing, so it needs no confirmation.
    expect((await p.run(['update', ...SPEC, '--env', 'prd', '--dry-run'])).code).toBe(0);
    const bad = await p.run(['update', '--table', 'users', '--set', '{"nope":1}', '--env', 'prd', '--json']);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_VALIDATION' } });
    const yes = await p.run(['update', ...SPEC, '--where', '{"full_name":null,"id":{"$lte":100}}', '--env', 'prd', '--yes', '--json']);
    expect(yes.json()).toMatchObject({ ok: true, rowsUpdated: 100 });
    const byVar = await p.run(['update', ...SPEC, '--env', 'prd', '--json'], { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' });
    expect(byVar.json()).toMatchObject({ ok: true, rowsUpdated: 2400 });
    expect(await left('prd')).toBe(0);
  });

  it('a row the database refuses: the typed error, what was committed, and how to resume, worded for the CLI', async () => {
    // code is string(5): 'abc' + '!!!' is too long; every row fails, so nothing commits.
    const r = await p.run(['update', '--table', 'users', '--set', '{"code":{"$CONCAT":["code","!!!"]}}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('longer than its column allows');
    expect(r.stderr).toContain('no batch was committed, so nothing was changed');
  });

  it('usage errors (exit 2): no --table, no --set, bad JSON, bad numbers, positionals', async () => {
    for (const args of [
      ['update', '--set', '{"a":1}'],
      ['update', '--table', 'users'],
      ['update', '--table', 'users', '--set', '{a:1}'],
      ['update', '--table', 'users', '--set', '[1]'],
      ['update', '--table', 'users', '--set', '{"a":1}', '--where', 'null'],
      ['update', '--table', 'users', '--set', '{"a":1}', '--batch-size', '0'],
      ['update', '--table', 'users', '--set', '{"a":1}', '--batch-size', '2.5'],
      ['update', '--table', 'users', '--set', '{"a":1}', '--max-lock-ms', 'soon'],
      ['update', 'users', '--table', 'users', '--set', '{"a":1}'],
    ]) {
      const r = await p.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('ductape update');
    }
  });
});

describe('the progress line of ductape update', () => {
  const at = (p: Partial<UpdateProgress>): UpdateProgress => ({ rowsUpdated: 0, batches: 1, rowsDone: 0, total: undefined, rowsPerSecond: 0, etaMs: undefined, ...p });

  it('a bar, rows of the total, rows/s and the ETA when the total is known', () => {
    expect(progressLine(at({ rowsDone: 25000, total: 100000, rowsPerSecond: 50000, etaMs: 1500, batches: 5 }))).toBe(
      '[#####---------------] 25% 25,000/100,000 rows  50,000 rows/s  ETA 2s  (5 batches)',
    );
    expect(progressLine(at({ rowsDone: 100000, total: 100000, rowsPerSecond: 50000, etaMs: 0, batches: 20 }))).toBe(
      '[####################] 100% 100,000/100,000 rows  50,000 rows/s  ETA 0s  (20 batches)',
    );
    // An estimate the run went past (DynamoDB's ItemCount) stays at a full bar.
    expect(progressLine(at({ rowsDone: 120, total: 100, rowsPerSecond: 10, etaMs: 0 }))).toMatch(/^\[#{20}\] 100% 120\/100 rows/);
  });

  it('without a total: rows and rows/s only', () => {
    expect(progressLine(at({ rowsDone: 1234, rowsPerSecond: 99.6 }))).toBe('1,234 rows  100 rows/s  (1 batch)');
  });

  it('is cut to the terminal width', () => {
    expect(progressLine(at({ rowsDone: 25000, total: 100000, rowsPerSecond: 50000, etaMs: 1500 }), 30)).toHaveLength(30);
  });

  it('durations as a person reads them', () => {
    expect(duration(0)).toBe('0s');
    expect(duration(1)).toBe('1s');
    expect(duration(59_000)).toBe('59s');
    expect(duration(185_000)).toBe('3m 05s');
    expect(duration(3_720_000)).toBe('1h 02m');
  });

  it("the sdk's resume advice of a failed db.update is worded for the CLI", () => {
    expect(cliWording('fix the values; 200 rows were updated by batches committed before the failure, and calling db.update again with the same request resumes after them')).toBe(
      'fix the values; 200 rows were updated by batches committed before the failure, and running the same `ductape update` again resumes after them',
    );
  });
});
