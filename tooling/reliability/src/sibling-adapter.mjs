import { openAdapter } from './open-adapter.mjs';

/**
 * Another connected adapter on the same database, as another runner would have: a new
 * connection through createAdapter on a server; on PGlite (one process, one session) a second
 * adapter over the same open instance, which is how two runners share an embedded database.
 * @example const other = await siblingAdapter(ns, adapter);
 * @param {{ multiProcess: boolean, pkg: string, connection: unknown, options: object }} ns
 * @param {any} adapter a connected adapter of `ns`
 */
export async function siblingAdapter(ns, adapter) {
  if (ns.multiProcess) return openAdapter(ns);
  const { PostgresDataAdapter } = await import('@ductape/adapter-postgres');
  const sibling = new PostgresDataAdapter({ ...ns.options, pglite: { instance: adapter.driver.instance } });
  await sibling.connect();
  return sibling;
}
