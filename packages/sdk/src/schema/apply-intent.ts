import { type Migration, type MigrationBuilder, type MigrationEngine, MigrationFailedError, type RunResult, ValidationError, redactSecrets } from '@ductape/core';
import { SchemaChangeRefusedError } from '../errors.js';

/**
 * Builds the draft of a `db.schema.*` intent; a validation error names the migration the call
 * makes (`name`), never the builder's placeholder.
 * @example buildIntent(migration('pending').addField('users', phone), 'add_phone_to_users')
 */
export function buildIntent(builder: MigrationBuilder, name: string): Migration {
  try {
    return builder.build();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(`migration "${name}" (made by this db.schema call)`, error.issues);
    throw error;
  }
}

/**
 * Applies an intent's migration. When the database refuses its first step, nothing was applied:
 * the failed history row is removed (compensation of zero steps) and a typed
 * SchemaChangeRefusedError says so, so a refused intent leaves no `failed` row behind. A failure
 * after some steps were applied keeps its row (MigrationFailedError says how to resume or undo).
 * @example const result = await applyIntent(engine, m);
 */
export async function applyIntent(engine: MigrationEngine, m: Migration): Promise<RunResult> {
  try {
    return await engine.up(m);
  } catch (error) {
    if (!(error instanceof MigrationFailedError) || error.migrationName !== m.name || error.direction !== 'up' || error.stepsApplied !== 0) throw error;
    const detail = redactSecrets(error.cause instanceof Error ? error.cause.message : String(error.cause));
    let recorded = false;
    try {
      await engine.compensate(m.name);
    } catch {
      recorded = true; // the row could not be removed (e.g. the database went away): say how to remove it
    }
    throw new SchemaChangeRefusedError(m.name, detail, recorded, error);
  }
}
