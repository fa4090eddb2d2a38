import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseService } from '@ductape/sdk';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// The spec's MongoDB block, verbatim, through the sdk (which loads this package by name, as a
// user's project would; it needs `pnpm build`). FerretDB has no validators: with the default
// policy the block is refused before any IO; with onMissingFeature 'warn' it runs.
describe.skipIf(!mongoUrl)('the spec MongoDB section through the sdk (FerretDB)', () => {
  const project = mkdtempSync(join(tmpdir(), 'ductape-mongo-spec-'));
  mkdirSync(join(project, 'node_modules', '@ductape'), { recursive: true });
  symlinkSync(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), join(project, 'node_modules', '@ductape', 'adapter-mongo'));
  const dbs: string[] = [];
  const service = (options?: Record<string, unknown>) => {
    const name = uniqueDatabase('ductape_spec');
    dbs.push(name);
    const url = `${(mongoUrl as string).replace(/\/[^/?]*(\?|$)/, `/${name}$1`)}`;
    return new DatabaseService({ cwd: project, vars: {}, config: { products: { 'my-app': { databases: { 'main-db': { environments: { dev: url }, ...(options ? { options } : {}) } } } } } });
  };
  afterAll(async () => {
    rmSync(project, { recursive: true, force: true });
    await dropDatabases(mongoUrl as string, dbs);
  });

  const block = async (db: DatabaseService) => {
    // --- spec block ---
    await db.schema.create(
      'users',
      {
        _id: { type: 'uuid', primaryKey: true },
        email: { type: 'string', required: true },
      },
      {
        mongoOptions: {
          capped: false,
          validator: {
            $jsonSchema: {
              bsonType: 'object',
              required: ['email'],
              properties: {
                email: { bsonType: 'string' },
              },
            },
          },
          validationLevel: 'strict',
          validationAction: 'error',
        },
      },
    );
    // --- end of spec block ---
  };

  it("runs with onMissingFeature 'warn': the validator recorded and introspected", async () => {
    const db = service({ onMissingFeature: 'warn', logger: { warn: () => undefined } });
    await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
    try {
      await block(db);
      expect((await db.getAdapter().introspect('users'))?.fields).toEqual([
        { name: 'email', type: 'string', required: true },
        { name: '_id', type: 'uuid', primaryKey: true },
      ]);
    } finally {
      await db.disconnect();
    }
  });

  it("the spec's data-migration block (addField, db.update with $CONCAT, dropField) runs on Mongo", async () => {
    const db = service({ onMissingFeature: 'warn', logger: { warn: () => undefined } });
    await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
    try {
      await db.schema.create('users', { _id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string' });
      const client = new MongoClient(mongoUrl as string);
      await client.connect();
      const coll = client.db(dbs.at(-1)).collection<Record<string, unknown>>('users');
      await coll.insertMany([
        { _id: 1 as never, first_name: 'Ada', last_name: 'Lovelace' },
        { _id: 2 as never, first_name: 'Alan', last_name: 'Turing' },
      ]);
      // --- spec block ---
      // Schema migration
      await db.schema.addField('users', 'full_name', 'string');

      // Data migration (separate operation)
      await db.update({
        table: 'users',
        data: {
          full_name: { $CONCAT: ['first_name', ' ', 'last_name'] },
        },
        where: { full_name: null },
      });

      // Clean up old columns
      await db.schema.dropField('users', 'first_name');
      await db.schema.dropField('users', 'last_name');
      // --- end of spec block ---
      expect(await coll.find({}).sort({ _id: 1 }).toArray()).toEqual([
        { _id: 1, full_name: 'Ada Lovelace' },
        { _id: 2, full_name: 'Alan Turing' },
      ]);
      expect((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name)).toEqual(['_id', 'full_name']);
      await client.close();
    } finally {
      await db.disconnect();
    }
  });

  it('is refused before any IO by default, with the hint to opt in', async () => {
    const db = service();
    await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
    try {
      await expect(block(db)).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION', message: expect.stringMatching(/onMissingFeature: 'warn'/) });
      expect(await db.getAdapter().introspect('users')).toBeUndefined();
    } finally {
      await db.disconnect();
    }
  });
});
