import { IrreversibleMigrationError } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';

/**
 * Throws the typed error `down` of an irreversible migration gives. Beside the inverse logic, so
 * the builder and the engine both read it without the engine depending on the builder.
 * @example assertReversible(m) // throws IrreversibleMigrationError when m.irreversible is set
 */
export function assertReversible(m: Migration): void {
  if (m.irreversible !== undefined) throw new IrreversibleMigrationError(m.name, m.irreversible);
}
