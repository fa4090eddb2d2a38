import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { type HistoryEntry, MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// roundTrip PostgreSQL full run (histories 161, 213, 215, 254): a runner killed after the
// concurrent build of a unique constraint's index, before its step was recorded, left a resume
// that built the index again ("relation … already exists").
describe.skipIf(!server)('postgres (pg server): resuming an online unique constraint after a kill', () => {
  let db: TempDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'resumeuq');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('the built index is found by its effect and recorded; the resume attaches it and the down removes both', async () => {
    const setup = new PostgresAdapter({ url: db.url });
    await setup.connect();
    await new MigrationEngine(setup).up(
      migration('t_create')
        .createCollection('t', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'code', type: 'text' },
        ])
        .build(),
    );
    await setup.close();
    const m = () =>
      migration('t_uq')
        .addField('t', 'n', 'integer')
        .addConstraint('t', { name: 't_uq', type: 'unique', columns: ['code'] })
        .build();
    const dying = new PostgresAdapter({ url: db.url });
    await dying.connect();
    const save = dying.history.save.bind(dying.history);
    let dead = false;
    // Every history write from the record of step 2 (the index build) on fails, as after a SIGKILL.
    dying.history.save = async (entry: HistoryEntry, session?: Parameters<typeof save>[1]) => {
      if (dead || entry.stepsApplied >= 2) {
        dead = true;
        throw new Error('runner killed');
      }
      return save(entry, session);
    };
    const steps = (await new MigrationEngine(dying).preview(m())).steps.map((s) => s.summary);
    expect(steps[1]).toMatch(/build unique index .*concurrently/);
    await expect(new MigrationEngine(dying).up(m())).rejects.toThrow();
    await dying.close();
    const index = "SELECT indexrelid::regclass::text AS i FROM pg_index WHERE indrelid = 't'::regclass AND indisunique AND NOT indisprimary";
    expect((await client.query(index)).rows).toEqual([{ i: 't_uq' }]);

    const next = new PostgresAdapter({ url: db.url });
    await next.connect();
    try {
      const engine = new MigrationEngine(next);
      const r = await engine.up(m());
      expect(r.outcome).toBe('resumed');
      const keys = "SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'u'";
      expect((await client.query(keys)).rows).toEqual([{ conname: 't_uq' }]);
      await engine.down(m());
      expect((await client.query(keys)).rows).toEqual([]);
      expect((await client.query(index)).rows).toEqual([]);
    } finally {
      await next.close();
    }
  });
});
