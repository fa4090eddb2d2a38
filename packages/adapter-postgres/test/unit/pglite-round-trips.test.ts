import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationEngine, migration, type Migration } from '@ductape/core';
import { PGliteDriver, PostgresAdapter } from '../../src/index.js';
import { RecordingPglite } from '../support/recording-pglite.js';

const isCatalogRead = (t: string): boolean => /\bpg_class\b/.test(t) && !/_ductape_/.test(t);

// Issue 22, without a server: the catalog reads of a migration on PostgreSQL (one each) and the
// statements around it. test/server/round-trips.test.ts pins the same on a server, with the
// BEGIN and the COMMIT that travel with statements there.
describe('postgres (PGlite): statements per migration', () => {
  let driver: RecordingPglite;
  let engine: MigrationEngine;
  beforeEach(async () => {
    driver = new RecordingPglite(new PGliteDriver());
    const adapter = new PostgresAdapter({ driver });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
    await engine.up(
      migration('base')
        .createCollection('base', { id: { type: 'integer', primaryKey: true } })
        .build(),
    );
  });
  afterEach(async () => {
    await driver.close();
  });

  it('one catalog read per migration, whatever it creates or alters', async () => {
    const ms: Migration[] = [0, 1, 2].map((i) =>
      migration(`m${i}`)
        .createCollection(`t${i}`, { id: 'integer', name: 'text' })
        .createIndex(`t${i}`, `t${i}_name`, ['name'])
        .addField('base', { name: `c${i}`, type: 'text', nullable: true })
        .createIndex('base', `base_c${i}`, [`c${i}`])
        .build(),
    );
    driver.texts.length = 0;
    await engine.upAll(ms);
    expect(driver.texts.filter(isCatalogRead)).toHaveLength(3);
    // Per migration: the read, the transaction, its 4 statements and the history row; around them the
    // lease lock (take, release) and one history read.
    expect(driver.texts).toHaveLength(3 * 7 + 3);
  });
});
