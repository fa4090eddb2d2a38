import { expect } from 'vitest';
import { type DatabaseService, MigrationEngine } from '../../src/index.js';
import { sql } from './postgres-target.js';

/**
 * Issue 16 defect 12: a db.schema call the database refuses at its first step (a required field
 * without a default on a table with rows) changes nothing and leaves no `failed` history row; a
 * corrected call then gets the intent's own name.
 */
export async function expectRefusedIntentLeavesNoRow(db: DatabaseService): Promise<void> {
  const engine = new MigrationEngine(db.getAdapter());
  await db.schema.create('people', { id: { type: 'integer', primaryKey: true }, name: 'text' });
  await sql(db, `INSERT INTO people (id, name) VALUES (1, 'Ada')`);
  const error = (await db.schema.addField('people', 'email', { type: 'string', length: 255, required: true }).catch((e: Error) => e)) as Error & { hint: string };
  expect(error).toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', name: 'SchemaChangeRefusedError', migrationName: 'add_email_to_people' });
  expect(error.message).toContain('the database refused migration "add_email_to_people" at its first step');
  expect(error.message).toContain('nothing was changed and nothing was recorded in history');
  expect((await engine.getHistory()).map((h) => `${h.name}:${h.status}`)).toEqual(['create_people:applied']);
  expect((await db.getAdapter().introspect('people'))?.fields.map((f) => f.name)).toEqual(['id', 'name']);
  const fixed = await db.schema.addField('people', 'email', { type: 'string', length: 255, required: true, default: '' });
  expect(fixed.migration.name).toBe('add_email_to_people');
  expect((await engine.getHistory()).map((h) => `${h.name}:${h.status}`)).toEqual(['create_people:applied', 'add_email_to_people:applied']);
}
