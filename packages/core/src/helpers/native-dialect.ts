import { UnsupportedOperationError } from '../errors/errors.js';

/**
 * Refuses (UnsupportedOperationError, before any IO) a native type declared for a database the
 * adapter does not run: `{ type: 'native', native: 'counter', dialect: 'cassandra' }` on PostgreSQL
 * names both. Without `dialect` the text is for any database (the adapter checks its grammar).
 * The engine refuses such a field first (dialectRefusal); adapters call this in their own compile
 * of a native type too, so a direct `adapter.compile` refuses it as well.
 * @example assertNativeDialect({ native: 'citext', dialect: 'postgresql' }, 'postgres', ['postgresql']) // passes
 */
export function assertNativeDialect(field: { readonly native?: string | undefined; readonly dialect?: string | undefined }, adapter: string, runs: readonly string[]): void {
  if (field.dialect === undefined || runs.includes(field.dialect)) return;
  throw new UnsupportedOperationError(
    adapter,
    `native type ${JSON.stringify(field.native)} declared for ${field.dialect}`,
    `it is written for ${field.dialect}, and this adapter runs ${runs.join(', ')}; give the field a type of this database (a portable type, or { type: 'native', native: '<type>', dialect: '${runs[0] ?? ''}' }), or run it against ${field.dialect}`,
  );
}
