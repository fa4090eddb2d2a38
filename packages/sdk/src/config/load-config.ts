import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';
import type { DuctapeConfig } from './config-types.js';
import { validateConfig } from './validate-config.js';

const TYPESCRIPT = /\.[mc]?ts$/;

/**
 * Reads a config file — JSON, or a module (.mjs, .cjs, .js; .ts, .mts, .cts through `tsx`, imported
 * only then) exporting `config` (named) or a default export (`module.exports` in CommonJS) — and
 * checks its shape: a bad key or value is a ConfigValidationError naming its path and what is allowed.
 * @example const config = await loadConfigFile('/app/ductape.config.json');
 */
export async function loadConfigFile(path: string): Promise<DuctapeConfig> {
  const value = path.endsWith('.json') ? await readJson(path) : unwrap(await importModule(path));
  return validateConfig(value, path);
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
  return TYPESCRIPT.test(path) ? await importTypeScript(path, url) : await import(url);
}

// The config is `config` or `default` of the module; a CommonJS module (or TypeScript compiled to
// CommonJS) may nest it once more: `module.exports = { config }`, `exports.default` seen as `default.default`.
function unwrap(mod: unknown): unknown {
  const exports = mod as { config?: unknown; default?: unknown };
  let value = exports.config ?? exports.default;
  for (let depth = 0; depth < 2 && isWrapper(value); depth++) value = (value as { config?: unknown }).config ?? (value as { default?: unknown }).default;
  return value;
}

function isWrapper(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !('products' in value) && ('config' in value || 'default' in value);
}

async function importTypeScript(path: string, url: string): Promise<unknown> {
  let api: { tsImport: (specifier: string, parent: string) => Promise<unknown> };
  try {
    api = (await import('tsx/esm/api' as string)) as typeof api;
  } catch {
    const js = path.replace(/\.([mc]?)ts$/, '.$1js');
    throw new ConfigError(`${path} is TypeScript, and loading it needs the "tsx" package`, `run \`npm install -D tsx\`, or rename the file to ${js.slice(js.lastIndexOf('/') + 1)}`);
  }
  return api.tsImport(url, import.meta.url);
}
