import { ConfigError } from '../errors.js';
import type { FleetTarget } from './fleet-target.js';
import { type FleetContext, failureOf, withFleetTarget } from './migrate-target.js';
import type { ResolvedFleet } from './resolve-fleet.js';

type Discovery = Extract<ResolvedFleet, { kind: 'discover' }>;

/** Lists schema names matching a LIKE pattern, system schemas excluded, in name order. */
export const DISCOVER_SCHEMAS_SQL = "SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname LIKE $1 AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname";

/**
 * The targets of a discovery: one connection to `url` lists the schemas matching `schemasLike`,
 * and each becomes a target on the same URL with that schema (its tables and its
 * `_ductape_migrations` history live there; its lock is keyed by the schema). No match is a
 * ConfigError, since a fleet of nothing is usually a wrong pattern.
 * @example await discoverTargets({ kind: 'discover', adapterPackage: '@ductape/adapter-postgres', url, schemasLike: 'tenant_%', secrets: [], where: 'config' }, ctx)
 */
export async function discoverTargets(d: Discovery, ctx: FleetContext): Promise<FleetTarget[]> {
  const probe: FleetTarget = { name: `discovery of ${d.where}`, adapterPackage: d.adapterPackage, connection: d.url, ...(d.options ? { options: d.options } : {}), secrets: d.secrets };
  let names: string[];
  try {
    names = await withFleetTarget(
      probe,
      ctx,
      async (adapter) => {
        const query = (adapter as { query?: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]> }).query;
        if (typeof query !== 'function') throw new ConfigError(`${d.adapterPackage} cannot run the discovery query of ${d.where}`, 'list the targets instead: { targets: [...] }');
        const rows = await query.call(adapter, DISCOVER_SCHEMAS_SQL, [d.schemasLike]);
        return rows.map((r) => String(r.name));
      },
      { ensureHistory: false },
    ); // the discovery connection migrates nothing: no history table in its default schema
  } catch (error) {
    if (error instanceof Error && !(error instanceof ConfigError)) error.message = `${failureOf(error, probe).message} (discovering the targets of ${d.where}; nothing was migrated)`;
    throw error;
  }
  if (names.length === 0)
    throw new ConfigError(
      `${d.where} discovered no schema matching "${d.schemasLike}"`,
      'check discover.schemasLike (a SQL LIKE pattern: % any characters, _ one character, \\_ a literal _); nothing was migrated',
    );
  return names.map((schema) => ({ name: schema, adapterPackage: d.adapterPackage, connection: d.url, options: { ...d.options, schema }, secrets: d.secrets }));
}
