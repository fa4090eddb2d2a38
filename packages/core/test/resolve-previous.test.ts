import { describe, expect, it } from 'vitest';
import { type Adapter, type CollectionSnapshot, MigrationEngine, ValidationError, migration } from '../src/index.js';
import { resolveMigration } from '../src/engine/resolve.js';
import { MemoryAdapter } from '../src/testing.js';

// Pins what each op's resolution against the live schema gives (issue 21 moved it into src/ops/<op>.ts).

async function withUsers(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await new MigrationEngine(adapter).up(
    migration('create_users')
      .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', length: 255, unique: true } })
      .createCollection('teams', { id: { type: 'integer', primaryKey: true } })
      .build(),
  );
  return adapter;
}

async function issuesOf(adapter: Adapter, m: ReturnType<ReturnType<typeof migration>['build']>) {
  const error = await resolveMigration(adapter, m).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map(({ code, path, message }) => ({ code, path, message }));
}

describe('resolving ops against the live schema', () => {
  it("turns a dropConstraint of a field's unique key (<table>_<field>_key) into unsetting the field's unique, with the field as previous", async () => {
    const resolved = await resolveMigration(await withUsers(), migration('drop_key').dropConstraint('users', 'users_email_key').build());
    expect(resolved.up).toEqual([{ type: 'modifyField', collection: 'users', field: 'email', changes: { unique: null }, previous: { name: 'email', type: 'string', length: 255, unique: true } }]);
    expect(resolved.down).toEqual([{ type: 'modifyField', collection: 'users', field: 'email', changes: { unique: true }, previous: { name: 'email', type: 'string', length: 255 } }]);
  });

  it('fills previous and existed from the live schema', async () => {
    const resolved = await resolveMigration(
      await withUsers(),
      migration('fill')
        .createCollection('teams', { id: { type: 'integer', primaryKey: true } }, { sqlOptions: { ifNotExists: true } })
        .renameField('users', 'email', 'mail')
        .renameCollection('users', 'members')
        .build(),
    );
    expect(resolved.up.map((op) => [op.type, (op as { existed?: true }).existed, (op as { previous?: { name: string } }).previous?.name])).toEqual([
      ['createCollection', true, undefined],
      ['renameField', undefined, 'email'],
      ['renameCollection', undefined, 'users'],
    ]);
  });

  it('refuses what does not exist, and a rename onto an existing collection, with codes and messages', async () => {
    const m = migration('missing')
      .dropIndex('users', 'idx_nope')
      .dropConstraint('users', 'nope_key')
      .dropField('ghosts', 'a')
      .modifyField('users', 'nope', { length: 9 })
      .dropCollection('ghosts')
      .renameCollection('users', 'teams')
      .renameCollection('ghosts', 'spirits')
      .build();
    expect(await issuesOf(await withUsers(), m)).toEqual([
      { code: 'not_found', path: 'up[0]', message: 'dropIndex: "users" has no index "idx_nope"' },
      { code: 'not_found', path: 'up[1]', message: 'dropConstraint: "users" has no constraint "nope_key"' },
      { code: 'not_found', path: 'up[2]', message: 'dropField: collection "ghosts" does not exist' },
      { code: 'not_found', path: 'up[3]', message: 'modifyField: collection "users" has no field "nope"' },
      { code: 'not_found', path: 'up[4]', message: 'dropCollection: collection "ghosts" does not exist' },
      { code: 'already_exists', path: 'up[5]', message: 'renameCollection: collection "teams" already exists' },
      { code: 'not_found', path: 'up[6]', message: 'renameCollection: collection "ghosts" does not exist' },
    ]);
  });

  it('refuses a drop of an index or constraint on a database that does not report them (unreadable)', async () => {
    const users: CollectionSnapshot = { name: 'users', fields: [{ name: 'id', type: 'integer' }] };
    const adapter = { introspect: async (name: string) => (name === 'users' ? users : undefined) } as unknown as Adapter;
    const m = migration('blind').dropIndex('users', 'idx_a').dropConstraint('users', 'k').build();
    expect(await issuesOf(adapter, m)).toEqual([
      { code: 'unreadable', path: 'up[0]', message: 'dropIndex idx_a: this database does not report the indexes of "users", so its definition cannot be read: pass previous' },
      { code: 'unreadable', path: 'up[1]', message: 'dropConstraint k: this database does not report the constraints of "users", so its definition cannot be read: pass previous' },
    ]);
  });
});
