import type { DuctapeConfig } from './config-types.js';
import { type ConfigIssue, ConfigValidationError } from './config-validation-error.js';
import { describe, isPlainObject, objectAt, unknownKeys } from './config-checks.js';
import { checkFleets } from './validate-fleets.js';

const ROOT_KEYS = ['products', 'migrationsDir', 'fleets'] as const;
const PRODUCT_KEYS = ['databases'] as const;
const DATABASE_KEYS = ['adapter', 'environments', 'options'] as const;
const CONNECTION = "a connection URL string (e.g. 'postgres://app@localhost:5432/app' or '${env:DATABASE_URL}') or the settings object the adapter documents";

/**
 * Checks the shape of a ductape config and returns it typed, or throws ConfigValidationError listing
 * every bad key by its path and what is allowed there. Connection settings objects and `options`
 * belong to the adapter and are not looked into.
 * @example validateConfig({ products: { app: { databases: { main: { environments: { dev: 'postgres://localhost/app' } } } } } }, 'ductape.config.mjs')
 */
export function validateConfig(value: unknown, source: string): DuctapeConfig {
  const issues: ConfigIssue[] = [];
  const root = objectAt(value, '(the exported config)', 'an object { products: { <product>: { databases: { <database>: { adapter, environments, options } } } } }', issues);
  if (root) {
    unknownKeys(root, '', ROOT_KEYS, issues);
    if (root.migrationsDir !== undefined && (typeof root.migrationsDir !== 'string' || root.migrationsDir === '')) {
      issues.push({ path: 'migrationsDir', problem: `is ${describe(root.migrationsDir)}`, allowed: 'a directory path, relative to the config file' });
    }
    const products = objectAt(root.products, 'products', 'an object of product name → { databases }', issues);
    for (const [product, productValue] of Object.entries(products ?? {})) {
      const at = `products.${product}`;
      const p = objectAt(productValue, at, 'an object { databases: { <database>: { adapter, environments, options } } }', issues);
      if (!p) continue;
      unknownKeys(p, at, PRODUCT_KEYS, issues);
      const databases = objectAt(p.databases, `${at}.databases`, 'an object of database name → { adapter, environments, options }', issues);
      for (const [database, databaseValue] of Object.entries(databases ?? {})) checkDatabase(databaseValue, `${at}.databases.${database}`, issues);
    }
    if (root.fleets !== undefined) checkFleets(root.fleets, issues);
  }
  if (issues.length > 0) throw new ConfigValidationError(source, issues);
  return value as DuctapeConfig;
}

function checkDatabase(value: unknown, at: string, issues: ConfigIssue[]): void {
  const db = objectAt(value, at, 'an object { adapter?, environments, options? }', issues);
  if (!db) return;
  unknownKeys(db, at, DATABASE_KEYS, issues);
  if (db.adapter !== undefined && (typeof db.adapter !== 'string' || !/^\S+$/.test(db.adapter))) {
    issues.push({
      path: `${at}.adapter`,
      problem: `is ${describe(db.adapter)}`,
      allowed: "an adapter package name such as '@ductape/adapter-postgres' (or leave it out when the URL's scheme names the database)",
    });
  }
  if (db.options !== undefined) objectAt(db.options, `${at}.options`, 'an object of adapter options, e.g. { schema: "app" }', issues);
  const environments = objectAt(db.environments, `${at}.environments`, `an object of env name → connection, e.g. { dev: 'postgres://localhost/app' }`, issues);
  for (const [env, connection] of Object.entries(environments ?? {})) {
    const ok = (typeof connection === 'string' && connection.trim() !== '') || isPlainObject(connection);
    if (!ok) issues.push({ path: `${at}.environments.${env}`, problem: `is ${describe(connection)}`, allowed: CONNECTION });
  }
}
