import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationEngine, migration, type Migration } from '@ductape/core';
import { PGliteDriver, PostgresAdapter } from '../../src/index.js';
import { RecordingPglite } from '../support/recording-pglite.js';

/** A statement that reads history rows with their migration body. */
const readsBodies = (t: string): boolean => /_ductape_migrations/.test(t) && /^SELECT/.test(t) && /migration::text/.test(t);

// Issue 22: status and a no-op up list the history without the migration column; down reads
// the body of the migration it rolls back only.
describe('postgres (PGlite): history rows without migration bodies', () => {
  let driver: RecordingPglite;
  let engine: MigrationEngine;
  let ms: Migration[];
  beforeEach(async () => {
    driver = new RecordingPglite(new PGliteDriver());
    const adapter = new PostgresAdapter({ driver });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
    ms = [0, 1, 2].map((i) =>
      migration(`rows_m${i}`)
        .createCollection(`rows_t${i}`, { id: { type: 'integer', primaryKey: true } })
        .build(),
    );
    await engine.upAll(ms);
    driver.texts.length = 0;
  });
  afterEach(async () => {
    await driver.close();
  });

  it('a no-op upAll and getHistoryRows send no query that reads a body', async () => {
    expect((await engine.upAll(ms)).map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    const rows = await engine.getHistoryRows();
    expect(rows.map((r) => r.name)).toEqual(ms.map((m) => m.name));
    expect(rows.every((r) => !('migration' in r))).toBe(true);
    expect(driver.texts.some((t) => /_ductape_migrations/.test(t))).toBe(true);
    expect(driver.texts.filter(readsBodies)).toEqual([]);
  });

  it('getStatus reads the body of its last applied row only, in one query by name', async () => {
    const status = await engine.getStatus({ definedMigrations: ms });
    expect(status).toMatchObject({ completed: 3, pending: 0 });
    expect(status.lastApplied?.migration).toEqual(ms[2]);
    const bodies = driver.texts.filter(readsBodies);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/WHERE name = ANY\(\$1::text\[\]\)/);
  });

  it('listRows and read agree with list', async () => {
    const adapter = new PostgresAdapter({ driver });
    const listed = await adapter.history.list();
    const rows = await adapter.history.listRows();
    expect(rows).toEqual(listed.map(({ migration: _m, ...row }) => row));
    const read = await adapter.history.read([ms[2]!.name, ms[0]!.name, 'rows_none']);
    expect(read.map((e) => e.name)).toEqual([ms[0]!.name, ms[2]!.name]);
    expect(read.map((e) => e.migration)).toEqual([ms[0], ms[2]]);
    expect(await adapter.history.read([])).toEqual([]);
  });

  it('down reads the body of the migration it rolls back only', async () => {
    await engine.down(ms[2]!);
    const bodies = driver.texts.filter(readsBodies);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/WHERE name = ANY\(\$1::text\[\]\)/); // that row only, not the whole history
    expect((await engine.getHistoryRows()).map((r) => r.name)).toEqual([ms[0]!.name, ms[1]!.name]);
  });
});
