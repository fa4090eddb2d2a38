import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, IrreversibleMigrationError, MigrationEngine, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 16 defect 12: messages say what is missing, which migration and database, and what to do.
describe('error messages', () => {
  it('a missing argument is "nothing", not "undefined undefined"', async () => {
    expect(new InvalidArgumentError('definedMigrations', 'an array of built migrations', undefined).message).toBe(
      'definedMigrations must be an array of built migrations, got nothing (it is missing) — pass an array of built migrations as definedMigrations',
    );
    const engine = new MigrationEngine(new MemoryAdapter());
    const error = (await engine.getStatus({} as never).catch((e: Error) => e)) as Error;
    expect(error.message).not.toContain('undefined undefined');
  });

  it('an unsupported raw op names the migration and the database', () => {
    const engine = new MigrationEngine(new MemoryAdapter());
    const m = migration('add_search_index').raw('postgresql', 'CREATE INDEX x ON t USING gin (v)').build();
    expect(() => engine.plan(m)).toThrow(
      'the memory database cannot run a raw "postgresql" operation (in migration "add_search_index"): it runs raw operations for memory — remove the operation from migration "add_search_index" or write it as a raw operation for memory; nothing was changed in the memory database',
    );
  });

  it('a drop without its previous definition says to pass previous, not to give a raw op a down', () => {
    const m = migration('drop_age').dropField('users', 'age').build();
    const error = new IrreversibleMigrationError(m.name, m.irreversible as string);
    expect(error.hint).not.toContain('raw operation');
    expect(error.hint).toContain('pass the field definition as `previous` to dropField("users.age")');
    expect(error.hint).toContain('if "users.age" did not exist when it ran');
  });
});
