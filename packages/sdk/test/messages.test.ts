import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, MigrationEngine } from '../src/index.js';
import { configFor } from './support/postgres-target.js';
import { expectRefusedIntentLeavesNoRow } from './support/schema-refusal.js';

// Issue 16 defect 12 (sdk part): messages say what is missing and what to do, name the real
// migration, and a refused db.schema call leaves no history row.
const target = { env: 'staging', product: 'app', database: 'main' };
const memory = (staging: string): DuctapeConfig => ({
  products: { app: { databases: { main: { adapter: '@ductape/core/testing', environments: { dev: `memory://m-${Date.now()}-${Math.random()}`, staging } } } } },
});

describe('sdk messages', () => {
  it('a set-but-empty ${env:VAR} says the variable is empty', async () => {
    const error = (await new DatabaseService({ config: memory('${env:STAGING_URL}'), vars: { STAGING_URL: '' } }).connect(target).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_CONFIG' });
    expect(error.message).toContain('uses ${env:STAGING_URL}, but STAGING_URL is empty');
    expect(error.message).not.toContain('which adapter');
    const fromVar = (await new DatabaseService({ config: memory('memory://x'), vars: { DUCTAPE_APP_MAIN_STAGING_URL: '' } }).connect(target).catch((e: Error) => e)) as Error;
    expect(fromVar.message).toContain('DUCTAPE_APP_MAIN_STAGING_URL is set but empty');
  });

  it('getStatus({}) says definedMigrations is missing, not "undefined undefined"', async () => {
    const db = new DatabaseService({ config: memory('memory://s'), vars: {} });
    await db.connect({ ...target, env: 'dev' });
    const error = (await new MigrationEngine(db.getAdapter()).getStatus({} as never).catch((e: Error) => e)) as Error;
    expect(error.message).toContain('definedMigrations must be an array of built migrations, got nothing (it is missing)');
    expect(error.message).not.toContain('undefined undefined');
  });

  it('db.schema validation errors name the migration the call makes, not a placeholder', async () => {
    const db = new DatabaseService({ config: memory('memory://s'), vars: {} });
    await db.connect({ ...target, env: 'dev' });
    await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });
    const error = (await db.schema.addField('users', 'code', { type: 'string', length: -1 }).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(error.message).toContain('migration "add_code_to_users" (made by this db.schema call) is invalid');
    expect(error.message).not.toContain('pending');
  });

  it('a db.schema call the database refuses leaves no failed history row (PGlite)', async () => {
    const db = new DatabaseService({ config: configFor('pglite://memory'), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    await expectRefusedIntentLeavesNoRow(db);
    await db.disconnect();
  });
});
