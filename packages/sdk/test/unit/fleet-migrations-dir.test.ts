import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseService } from '../../src/index.js';
import { migrationsDirOf } from '../../src/fleet/fleet-migrations-dir.js';
import { memoryDatabase, memoryFleet, tenantMigrations, withLegacy } from '../support/fleet.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project directory whose `sub` holds the tenant migrations as files (built migrations are plain data), plus a draft. */
function project(sub: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ductape-fleet-dir-'));
  dirs.push(root);
  const dir = join(root, sub);
  mkdirSync(dir, { recursive: true });
  tenantMigrations().forEach((m, i) => writeFileSync(join(dir, `2026120${i + 1}_000000_${m.name}.mjs`), `export default ${JSON.stringify(m)};\n`));
  // A draft as `ductape new` leaves it: its builder refuses a migration without operations.
  writeFileSync(
    join(dir, '20261209_000000_later.mjs'),
    "throw Object.assign(new Error('migration \"later\" has no operations'), { code: 'DUCTAPE_VALIDATION', issues: [{ code: 'empty_migration' }] });\n",
  );
  writeFileSync(join(dir, 'types.d.ts'), 'export {};\n');
  return root;
}

describe('db.fleet(name).up() without migrations reads the migrations directory (issue 20)', () => {
  it("reads the config's migrationsDir: every migration in file-name order, tagged by file name, drafts left out", async () => {
    const cwd = project('db/migrations');
    const { config, urls } = memoryFleet(3, { migrationsDir: 'db/migrations' } as never);
    await withLegacy(urls);
    const db = new DatabaseService({ config, vars: {}, cwd });
    const summary = await db.fleet('tenants').up({ env: 'prd' });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 9, skippedDrafts: ['20261209_000000_later'] });
    const history = (await memoryDatabase(urls[0] as string)).state.history.map((e) => `${e.tag}:${e.name}`);
    expect(history.slice(1)).toEqual(['20261201_000000_create_users:create_users', '20261202_000000_add_phone:add_phone', '20261203_000000_add_legacy_note:add_legacy_note']);
    const status = await db.fleet('tenants').status({ env: 'prd' });
    expect(status.summary).toBe('3 up to date');
  });

  it('defaults to migrations/ in the working directory (a config passed in code)', async () => {
    const cwd = project('migrations');
    const { config, urls } = memoryFleet(2);
    await withLegacy(urls);
    const summary = await new DatabaseService({ config, vars: {}, cwd }).fleet('tenants').up({ env: 'prd' });
    expect(summary).toMatchObject({ done: 2, applied: 6 });
  });

  it('a missing directory is DUCTAPE_NO_MIGRATIONS_DIR before any target is touched', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ductape-fleet-dir-'));
    dirs.push(cwd);
    const { config, urls } = memoryFleet(2);
    const db = new DatabaseService({ config, vars: {}, cwd });
    await expect(db.fleet('tenants').up({ env: 'prd' })).rejects.toMatchObject({ code: 'DUCTAPE_NO_MIGRATIONS_DIR', message: expect.stringContaining('does not exist') });
    expect((await memoryDatabase(urls[0] as string)).state.history).toEqual([]);
  });

  it('a file that cannot be loaded, or two files of one migration, stop the run before any IO on a target', async () => {
    const cwd = project('migrations');
    writeFileSync(join(cwd, 'migrations', '20261204_000000_broken.mjs'), 'export default {};\n');
    const { config, urls } = memoryFleet(1);
    const db = new DatabaseService({ config, vars: {}, cwd });
    await expect(db.fleet('tenants').up({ env: 'prd' })).rejects.toMatchObject({ code: 'DUCTAPE_MIGRATION_LOAD', message: expect.stringContaining('exports no built migration') });
    rmSync(join(cwd, 'migrations', '20261204_000000_broken.mjs'));
    writeFileSync(join(cwd, 'migrations', '20261205_000000_again.mjs'), `export const migration = ${JSON.stringify(tenantMigrations()[1])};\n`);
    await expect(db.fleet('tenants').up({ env: 'prd' })).rejects.toMatchObject({ code: 'DUCTAPE_DUPLICATE_MIGRATION' });
    expect((await memoryDatabase(urls[0] as string)).state.history).toEqual([]);
  });

  it('migrationsDirOf: relative to the config file, else migrations/ beside it or in cwd', () => {
    expect(migrationsDirOf({ file: '/app/ductape.config.mjs', value: { migrationsDir: 'db/m' } }, '/elsewhere')).toBe('/app/db/m');
    expect(migrationsDirOf({ file: '/app/ductape.config.mjs', value: {} }, '/elsewhere')).toBe('/app/migrations');
    expect(migrationsDirOf({ file: '/app/ductape.config.mjs', value: { migrationsDir: '/abs/m' } }, '/x')).toBe('/abs/m');
    expect(migrationsDirOf(undefined, '/work')).toBe('/work/migrations');
    expect(migrationsDirOf({ file: 'the config passed to DatabaseService', value: {} }, '/work')).toBe('/work/migrations');
  });
});
