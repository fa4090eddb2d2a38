// Which servers exist, their command-line names and aliases, and their ports.
import { cassandra } from './cassandra.mjs';
import { dynamo } from './dynamo.mjs';
import { ferretdb } from './ferretdb.mjs';
import { mariadb } from './mariadb.mjs';
import { postgres } from './postgres.mjs';

/** @type {import('./service.mjs').NativeService[]} */
export const nativeServices = [postgres, mariadb, ferretdb, dynamo, cassandra];

/** Started only when named (`services:up galera`): several processes each, not in the default set. */
export const clusterNames = ['galera', 'cassandra-cluster'];

/** @type {Record<string, string>} */
const aliases = {
  pg: 'postgres',
  postgresql: 'postgres',
  mysql: 'mariadb',
  mongodb: 'mongo',
  ferretdb: 'mongo',
  dynamodb: 'dynamo',
  'cassandra-ring': 'cassandra-cluster',
};

/**
 * Command-line names to canonical names (all when none given), without duplicates.
 * @param {string[]} args
 * @param {string[]} [known]
 */
export function resolveNames(args, known = [...nativeServices.map((s) => s.name), ...clusterNames]) {
  if (args.length === 0) return known.filter((n) => !clusterNames.includes(n));
  /** @type {string[]} */
  const names = [];
  for (const arg of args) {
    const name = known.includes(arg) ? arg : aliases[arg];
    if (!name || !known.includes(name)) {
      throw new Error(`unknown server "${arg}"; known: ${known.join(', ')} (aliases: ${Object.keys(aliases).join(', ')})`);
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** @param {string} name */
export function findService(name) {
  const service = nativeServices.find((s) => s.name === name);
  if (!service) throw new Error(`unknown server "${name}"`);
  return service;
}

/**
 * DUCTAPE_SERVICES_<NAME>_PORT overrides the default port.
 * @param {{ name: string, defaultPort: number }} service
 */
export function portFor(service) {
  const value = process.env[`DUCTAPE_SERVICES_${service.name.toUpperCase()}_PORT`];
  return value ? Number(value) : service.defaultPort;
}
