import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';
import type { DuctapeConfig } from './config-types.js';

/**
 * Reads a config file: JSON, or a module exporting `config` (named) or a default export.
 * TypeScript files load through `tsx`, imported only when a .ts config is used.
 * @example const config = await loadConfigFile('/app/ductape.config.json');
 */
export async function loadConfigFile(path: string): Promise<DuctapeConfig> {
  const value = path.endsWith('.json') ? await readJson(path) : await importModule(path);
  if (typeof value !== 'object' || value === null || typeof (value as DuctapeConfig).products !== 'object') {
    throw new ConfigError(`${path} has no "products" object`, 'write { products: { <product>: { databases: { <database>: { adapter, environments } } } } }');
  }
  return value as DuctapeConfig;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`, 'fix the JSON syntax');
  }
}

async function importModule(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  const mod = (path.endsWith('.ts') ? await importTypeScript(path, url) : await import(url)) as { config?: unknown; default?: unknown };
  return mod.config ?? mod.default;
}

async function importTypeScript(path: string, url: string): Promise<unknown> {
  let api: { tsImport: (specifier: string, parent: string) => Promise<unknown> };
  try {
    api = (await import('tsx/esm/api' as string)) as typeof api;
  } catch {
    throw new ConfigError(`${path} is TypeScript, and loading it needs the "tsx" package`, 'run `npm install -D tsx`, or rename the file to ductape.config.mjs');
  }
  return api.tsImport(url, import.meta.url);
}
