import { describe, isPlainObject, objectAt, unknownKeys } from './config-checks.js';
import type { ConfigIssue } from './config-validation-error.js';

const FLEET_KEYS = ['adapter', 'options', 'environments'] as const;
const ENVIRONMENT_KEYS = ['targets', 'discover'] as const;
const TARGET_KEYS = ['url', 'schema', 'tablePrefix', 'name'] as const;
/** The patterns of a discovery: exactly one per discover. */
export const DISCOVER_PATTERNS = ['schemasLike', 'databasesLike', 'databasePrefix', 'keyspacesLike', 'tablePrefixLike'] as const;
const DISCOVER_KEYS = [...DISCOVER_PATTERNS, 'url'] as const;
const ENVIRONMENT =
  '{ targets: [<url or { url, schema?, name? }>, …] }, { targets: ({ env }) => [...] } or { discover: { url, schemasLike | databasesLike | databasePrefix | keyspacesLike | tablePrefixLike } }';
const URL = "a connection URL string, e.g. 'postgres://app@db:5432/tenants' or '${env:TENANTS_URL}'";
/** What PostgreSQL accepts as an unquoted-or-quoted schema name: 1–63 characters, no NUL. */
const SCHEMA = /^[^\0]{1,63}$/;

/**
 * Checks the `fleets` section of a config, pushing one issue per bad key (path, problem, what is
 * allowed): each fleet is `{ adapter?, options?, environments: { <env>: { targets } | { discover } } }`.
 * @example checkFleets({ tenants: { environments: { prd: { targets: [] } } } }, issues) // pushes "targets: is empty"
 */
export function checkFleets(value: unknown, issues: ConfigIssue[]): void {
  const fleets = objectAt(value, 'fleets', 'an object of fleet name → { adapter?, options?, environments }', issues);
  for (const [fleet, fleetValue] of Object.entries(fleets ?? {})) checkFleet(fleetValue, `fleets.${fleet}`, issues);
}

function checkFleet(value: unknown, at: string, issues: ConfigIssue[]): void {
  const fleet = objectAt(value, at, 'an object { adapter?, options?, environments }', issues);
  if (!fleet) return;
  unknownKeys(fleet, at, FLEET_KEYS, issues);
  if (fleet.adapter !== undefined && (typeof fleet.adapter !== 'string' || !/^\S+$/.test(fleet.adapter))) {
    issues.push({
      path: `${at}.adapter`,
      problem: `is ${describe(fleet.adapter)}`,
      allowed: "an adapter package name such as '@ductape/adapter-postgres' (or leave it out when the URLs' scheme names the database)",
    });
  }
  if (fleet.options !== undefined) objectAt(fleet.options, `${at}.options`, 'an object of adapter options, the same for every target', issues);
  const environments = objectAt(fleet.environments, `${at}.environments`, `an object of env name → ${ENVIRONMENT}`, issues);
  for (const [env, envValue] of Object.entries(environments ?? {})) checkEnvironment(envValue, `${at}.environments.${env}`, issues);
}

function checkEnvironment(value: unknown, at: string, issues: ConfigIssue[]): void {
  const env = objectAt(value, at, ENVIRONMENT, issues);
  if (!env) return;
  unknownKeys(env, at, ENVIRONMENT_KEYS, issues);
  const has = ENVIRONMENT_KEYS.filter((k) => env[k] !== undefined);
  if (has.length !== 1) {
    issues.push({ path: at, problem: has.length === 0 ? 'has neither targets nor discover' : 'has both targets and discover', allowed: `exactly one of them: ${ENVIRONMENT}` });
  }
  if (env.targets !== undefined) checkTargets(env.targets, `${at}.targets`, issues);
  if (env.discover !== undefined) checkDiscover(env.discover, `${at}.discover`, issues);
}

/**
 * Checks a fleet's targets list (a config's, or what its targets function returned), pushing one
 * issue per bad entry. A function is accepted when `functionAllowed` (it is checked once called).
 * @example checkTargets([], 'fleets.t.environments.prd.targets', issues) // pushes "is empty"
 */
export function checkTargets(value: unknown, at: string, issues: ConfigIssue[], functionAllowed = true): void {
  if (functionAllowed && typeof value === 'function') return;
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({
      path: at,
      problem: Array.isArray(value) ? 'is empty' : `is ${describe(value)}`,
      allowed: `a non-empty array of connection URLs or { url, schema?, name? }${functionAllowed ? ', or a function ({ fleet, env }) returning one' : ''}`,
    });
    return;
  }
  value.forEach((target, i) => {
    const path = `${at}[${i}]`;
    if (typeof target === 'string') {
      if (target.trim() === '') issues.push({ path, problem: 'is an empty string', allowed: URL });
      return;
    }
    if (!isPlainObject(target)) {
      issues.push({ path, problem: `is ${describe(target)}`, allowed: `${URL}, or { url, schema?, name? }` });
      return;
    }
    unknownKeys(target, path, TARGET_KEYS, issues);
    if (typeof target.url !== 'string' || target.url.trim() === '') issues.push({ path: `${path}.url`, problem: `is ${describe(target.url)}`, allowed: URL });
    if (target.schema !== undefined && (typeof target.schema !== 'string' || !SCHEMA.test(target.schema))) {
      issues.push({ path: `${path}.schema`, problem: `is ${describe(target.schema)}`, allowed: 'a PostgreSQL schema name of 1 to 63 characters (leave it out for the default schema)' });
    }
    if (target.tablePrefix !== undefined && (typeof target.tablePrefix !== 'string' || target.tablePrefix === '')) {
      issues.push({ path: `${path}.tablePrefix`, problem: `is ${describe(target.tablePrefix)}`, allowed: "DynamoDB only: the non-empty start of this tenant's table names, e.g. 'acme.'" });
    }
    if (target.name !== undefined && (typeof target.name !== 'string' || target.name.trim() === '')) {
      issues.push({ path: `${path}.name`, problem: `is ${describe(target.name)}`, allowed: 'a non-empty name for events and the summary (default: the schema, else the URL without credentials)' });
    }
  });
}

function checkDiscover(value: unknown, at: string, issues: ConfigIssue[]): void {
  const discover = objectAt(value, at, "an object { url, schemasLike: 'tenant_%' } (or databasesLike, databasePrefix, keyspacesLike, tablePrefixLike instead of schemasLike)", issues);
  if (!discover) return;
  unknownKeys(discover, at, DISCOVER_KEYS, issues);
  const given = DISCOVER_PATTERNS.filter((k) => discover[k] !== undefined);
  if (given.length !== 1) {
    issues.push({
      path: at,
      problem: given.length === 0 ? 'has no pattern' : `has ${given.join(' and ')}`,
      allowed:
        'exactly one of schemasLike (PostgreSQL schemas), databasesLike or databasePrefix (PostgreSQL, MySQL, MariaDB, MongoDB databases), keyspacesLike (Cassandra keyspaces), tablePrefixLike (DynamoDB table prefixes)',
    });
  }
  for (const k of given) {
    if (typeof discover[k] !== 'string' || discover[k] === '') {
      issues.push({
        path: `${at}.${k}`,
        problem: `is ${describe(discover[k])}`,
        allowed: k === 'databasePrefix' ? "a non-empty name prefix, e.g. 't_'" : "a SQL LIKE pattern, e.g. 'tenant\\_%' (% any characters, _ one, \\_ a literal _)",
      });
    }
  }
  if (typeof discover.url !== 'string' || discover.url.trim() === '') issues.push({ path: `${at}.url`, problem: `is ${describe(discover.url)}`, allowed: URL });
}
