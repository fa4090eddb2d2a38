import type { DatabaseService } from '../../src/index.js';

/**
 * The spec's Best Practices 5 block ("Data migration separate from schema migration"), verbatim
 * between the markers, on a connected service whose `users` table has `first_name` and
 * `last_name`. The server tests of each database run it and then read the database's own rows.
 * @example await bestPractices5(db)
 */
// biome-ignore format: the spec's block verbatim (test/best-practices-5.test.ts checks it)
export async function bestPractices5(db: DatabaseService): Promise<void> {
  // --- spec block ---
  // Schema migration
  await db.schema.addField('users', 'full_name', 'string');

  // Data migration (separate operation)
  await db.update({
    table: 'users',
    data: {
      full_name: { $CONCAT: ['first_name', ' ', 'last_name'] }
    },
    where: { full_name: null },
  });

  // Clean up old columns
  await db.schema.dropField('users', 'first_name');
  await db.schema.dropField('users', 'last_name');
  // --- end of spec block ---
}
