import { describe, expect, it } from 'vitest';
import { MigrationHelpers, migration } from '../src/index.js';

describe('MigrationHelpers.assertValid on the same object twice', () => {
  it('re-checks an object that is not frozen (it may have changed), and a frozen one stays valid', () => {
    const built = migration('one')
      .createCollection('t', { id: { type: 'integer', primaryKey: true } })
      .build();
    expect(Object.isFrozen(built)).toBe(true);
    MigrationHelpers.assertValid(built);
    MigrationHelpers.assertValid(built);
    const loose = JSON.parse(JSON.stringify(built)) as { name: string };
    MigrationHelpers.assertValid(loose);
    (loose as { name: string }).name = '';
    expect(() => MigrationHelpers.assertValid(loose)).toThrow(/migration/);
  });
});
