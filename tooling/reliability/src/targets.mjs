import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadServicesEnv } from '@ductape/services/load-env';
import { cassandraTarget } from './targets/cassandra.mjs';
import { cassandraClusterTarget } from './targets/cassandra-cluster.mjs';
import { dynamoTarget } from './targets/dynamo.mjs';
import { galeraTarget } from './targets/galera.mjs';
import { mongoTarget } from './targets/mongo.mjs';
import { mysqlFamilyTarget } from './targets/mysql-family.mjs';
import { pgliteTarget } from './targets/pglite.mjs';
import { postgresTarget } from './targets/postgres.mjs';

/** Every single-server database the suite knows, in report order: the default run. */
export const TARGETS = [postgresTarget, pgliteTarget, mysqlFamilyTarget('mysql'), mysqlFamilyTarget('mariadb'), mongoTarget, dynamoTarget, cassandraTarget];

/**
 * The 3-node clusters (issue 23), run only when named (`pnpm reliability galera cassandra-cluster`
 * or `--cluster`): their servers are started only on request, and they run only the concurrency
 * and crash properties (`target.properties`), with runners spread over the nodes.
 */
export const CLUSTER_TARGETS = [galeraTarget, cassandraClusterTarget];

const KNOWN = [...TARGETS, ...CLUSTER_TARGETS];

/** Where each server's setting lives (as written by `pnpm services:up`). */
export const SERVER_SETTINGS = {
  postgres: 'DUCTAPE_TEST_POSTGRES_URL',
  mysql: 'DUCTAPE_TEST_MYSQL_URL',
  mariadb: 'DUCTAPE_TEST_MARIADB_URL',
  mongo: 'DUCTAPE_TEST_MONGO_URL',
  dynamo: 'DUCTAPE_TEST_DYNAMO_ENDPOINT',
  cassandra: 'DUCTAPE_TEST_CASSANDRA_HOSTS',
  galera: 'DUCTAPE_TEST_GALERA_URLS',
  'cassandra-cluster': 'DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS',
};

/**
 * Whether a target can run here: its adapter package is built and its server setting is known
 * (an embedded target needs no server). Returns `{ ok, setting?, reason? }`.
 * @example availability(postgresTarget) // { ok: true, setting: 'postgres://postgres@127.0.0.1:5432/postgres' }
 * @param {typeof TARGETS[number]} target
 */
export function availability(target) {
  loadServicesEnv();
  try {
    const entry = fileURLToPath(import.meta.resolve(target.pkg));
    if (!existsSync(entry)) return { ok: false, reason: `${target.pkg} is not built (run pnpm build)` };
  } catch {
    return { ok: false, reason: `${target.pkg} is not installed` };
  }
  if (!target.server) return { ok: true, setting: undefined };
  const variable = SERVER_SETTINGS[target.server];
  const setting = process.env[variable];
  if (!setting) return { ok: false, reason: `${variable} is not set: run \`pnpm services:up ${target.server === 'mysql' ? 'mariadb' : target.server}\`` };
  return { ok: true, setting };
}

/**
 * The targets named on the command line (every single-server one when none: clusters only when
 * named), in report order, or throws on an unknown name.
 * @example selectTargets(['cassandra-cluster', 'postgres']).map((t) => t.key) // ['postgres', 'cassandra-cluster']
 * @param {readonly string[]} names
 */
export function selectTargets(names) {
  if (names.length === 0) return TARGETS;
  const unknown = names.filter((n) => !KNOWN.some((t) => t.key === n));
  if (unknown.length > 0) throw new Error(`unknown database ${unknown.join(', ')}; known: ${KNOWN.map((t) => t.key).join(', ')}`);
  return KNOWN.filter((t) => names.includes(t.key));
}

/**
 * The target of one key, single server or cluster.
 * @example targetByKey('galera').properties // ['concurrency', 'crash']
 * @param {string} key
 */
export function targetByKey(key) {
  return KNOWN.find((t) => t.key === key);
}
