import { ConfigError } from '../errors.js';
import { databaseOf, listerFor, withDatabase } from './discover-names.js';
import type { FleetTarget } from './fleet-target.js';
import { type FleetContext, failureOf, withFleetTarget } from './migrate-target.js';
import type { ResolvedFleet } from './resolve-fleet.js';

export { DISCOVER_SCHEMAS_SQL } from './discover-names.js';

type Discovery = Extract<ResolvedFleet, { kind: 'discover' }>;

const NOUN = { schemas: 'schema', databases: 'database', keyspaces: 'keyspace', tablePrefixes: 'table prefix' } as const;

/**
 * The targets of a discovery: one connection to `url` lists the names matching the pattern, each
 * becoming a target named after it — for `schemas`, on the same URL with that schema (its tables
 * and `_ductape_migrations` history live there, its lock is keyed by it); for `databases` and
 * `keyspaces`, on `url` with its database/keyspace path replaced by the name; for `tablePrefixes`
 * (DynamoDB), on the same URL with the adapter option `tablePrefix` set to it. The probe creates
 * nothing (no history table, no keyspace). No match is a ConfigError, since a fleet of nothing is
 * usually a wrong pattern.
 * @example await discoverTargets({ kind: 'discover', adapterPackage: '@ductape/adapter-postgres', lister: '@ductape/adapter-postgres', url, what: 'schemas', like: 'tenant_%', key: 'schemasLike', secrets: [], where: 'config' }, ctx)
 */
export async function discoverTargets(d: Discovery, ctx: FleetContext): Promise<FleetTarget[]> {
  const lister = listerFor(d.what, d.lister);
  if (!lister) throw new ConfigError(`${d.where} discovers ${d.what} with ${d.adapterPackage}, which cannot list them`, 'list the targets instead: { targets: [...] }');
  const probeUrl = lister.probeDatabase !== undefined && databaseOf(d.url) === '' ? withDatabase(d.url, lister.probeDatabase) : d.url;
  const probe: FleetTarget = { name: `discovery of ${d.where}`, adapterPackage: d.adapterPackage, connection: probeUrl, ...(d.options ? { options: d.options } : {}), secrets: d.secrets };
  let names: string[];
  try {
    names = await withFleetTarget(probe, ctx, (adapter) => lister.list(adapter, d.like), { ensureHistory: false, ...(lister.connect ? { connect: lister.connect } : {}) });
  } catch (error) {
    if (error instanceof Error && !(error instanceof ConfigError)) error.message = `${failureOf(error, probe).message} (discovering the targets of ${d.where}; nothing was migrated)`;
    throw error;
  }
  if (names.length === 0)
    throw new ConfigError(
      `${d.where} discovered no ${NOUN[d.what]} matching "${d.key === 'databasePrefix' ? d.like.slice(0, -1) : d.like}" (${d.key})`,
      `check discover.${d.key}${d.key === 'databasePrefix' ? ' (the start of every tenant database name)' : ' (a SQL LIKE pattern: % any characters, _ one character, \\_ a literal _)'}; nothing was migrated`,
    );
  names.sort();
  if (d.what === 'schemas') return names.map((schema) => ({ name: schema, adapterPackage: d.adapterPackage, connection: d.url, options: { ...d.options, schema }, secrets: d.secrets }));
  if (d.what === 'tablePrefixes')
    return names.map((tablePrefix) => ({ name: tablePrefix, adapterPackage: d.adapterPackage, connection: d.url, options: { ...d.options, tablePrefix }, secrets: d.secrets }));
  return names.map((name) => ({ name, adapterPackage: d.adapterPackage, connection: withDatabase(d.url, name), ...(d.options ? { options: d.options } : {}), secrets: d.secrets }));
}
