import { migration, type Migration } from '../src/index.js';

const AT = new Date('2024-01-15T14:30:52Z');

/** A migration of `n` steps on the memory adapter (one collection per step). */
export function steps(name: string, n: number): Migration {
  let b = migration(name).at(AT);
  for (let i = 1; i <= n; i++) b = b.createCollection(`${name}_t${i}`, { id: 'uuid' });
  return b.build();
}

export function users(): Migration {
  return migration('create_users')
    .at(AT)
    .createCollection('users', [
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'email', type: 'string', length: 255, unique: true },
    ])
    .createIndex('users', 'idx_users_email', [{ name: 'email' }], { unique: true })
    .build();
}
