import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigValidationError, DatabaseService, type DuctapeConfig, defineConfig, findConfigFile, loadConfigFile } from '../src/index.js';
// @ts-expect-error plain .mjs module of the services tooling
import { tempDir } from '@ductape/services/temp-dir';

const target = { env: 'staging', product: 'my-app', database: 'main-db' };
const body = (url: string) => `{ products: { 'my-app': { databases: { 'main-db': { adapter: '@ductape/core/testing', environments: { staging: '${url}' } } } } } }`;

function project(files: Record<string, string>): string {
  const dir = tempDir('ductape-config-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function stagingUrl(dir: string, file: string): Promise<unknown> {
  const config = await loadConfigFile(join(dir, file));
  return config.products['my-app']?.databases['main-db']?.environments.staging;
}

describe('config files of every module kind', () => {
  it.each([
    ['ductape.config.cjs', `module.exports = ${body('memory://cjs')};`, {}],
    ['ductape.config.cjs', `exports.config = ${body('memory://cjs-named')};`, {}],
    ['ductape.config.js', `module.exports = { default: ${body('memory://js-default')} };`, {}],
    ['ductape.config.mts', `const url: string = 'memory://mts';\nexport const config = ${body('memory://mts')};`, {}],
    ['ductape.config.cts', `const url: string = 'memory://cts';\nexport default ${body('memory://cts')};`, {}],
    ['ductape.config.ts', `export default ${body('memory://ts-commonjs')} as const;`, {}],
    ['ductape.config.ts', `export default ${body('memory://ts-esm')} as const;`, { 'package.json': '{ "type": "module" }' }],
  ])('%s: %s', async (file, text, extra) => {
    const dir = project({ [file]: text, ...extra });
    expect(findConfigFile(join(dir))).toBe(join(dir, file));
    expect(await stagingUrl(dir, file)).toMatch(/^memory:\/\//);
    const db = new DatabaseService({ cwd: dir, vars: {} });
    await db.connect(target);
    expect(db.getAdapter().name).toBe('memory');
  });

  it('two config files in one directory are a ConfigError naming both', () => {
    const dir = project({ 'ductape.config.mjs': `export const config = ${body('memory://a')};`, 'ductape.config.cjs': `module.exports = ${body('memory://b')};` });
    expect(() => findConfigFile(dir)).toThrow(ConfigError);
    expect(() => findConfigFile(dir)).toThrow(/ductape\.config\.mjs, ductape\.config\.cjs/);
  });
});

describe('config validation', () => {
  it('a misspelt key is a ConfigValidationError naming its path, what is allowed, and the likely key', async () => {
    const dir = project({ 'ductape.config.json': JSON.stringify({ products: { 'my-app': { databases: { 'main-db': { enviroments: { staging: 'memory://x' } } } } } }) });
    const error = (await loadConfigFile(join(dir, 'ductape.config.json')).catch((e: unknown) => e)) as ConfigValidationError;
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('DUCTAPE_CONFIG');
    expect(error.issues).toEqual([
      { path: 'products.my-app.databases.main-db.enviroments', problem: 'is not a known key (did you mean "environments"?)', allowed: 'adapter, environments, options' },
      { path: 'products.my-app.databases.main-db.environments', problem: 'is missing', allowed: "an object of env name → connection, e.g. { dev: 'postgres://localhost/app' }" },
    ]);
    expect(error.message).toContain(
      'ductape.config.json is invalid (2 problems): products.my-app.databases.main-db.enviroments: is not a known key (did you mean "environments"?) (allowed: adapter, environments, options)',
    );
  });

  it('wrong values name their path and what is allowed there, through connect() too', async () => {
    const config = { products: { 'my-app': { databases: { 'main-db': { adapter: 42, environments: { staging: 5432, dev: '' }, options: [] } }, extra: true }, migrationDir: 'db' }, migrationsDir: '' };
    const dir = project({ 'ductape.config.json': JSON.stringify(config) });
    const error = (await new DatabaseService({ cwd: dir, vars: {} }).connect(target).catch((e: unknown) => e)) as ConfigValidationError;
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error.issues.map((i) => `${i.path} ${i.problem}`).sort()).toEqual(
      [
        'migrationsDir is an empty string',
        'products.migrationDir is a string',
        'products.my-app.databases.main-db.adapter is a number',
        'products.my-app.databases.main-db.options is an array',
        'products.my-app.databases.main-db.environments.staging is a number',
        'products.my-app.databases.main-db.environments.dev is an empty string',
        'products.my-app.extra is not a known key',
      ].sort(),
    );
    expect(error.issues.find((i) => i.path.endsWith('environments.staging'))?.allowed).toMatch(/a connection URL string .* or the settings object the adapter documents/);
  });

  it('a module without products says what to export', async () => {
    const dir = project({ 'ductape.config.mjs': 'export const settings = {};' });
    const error = (await loadConfigFile(join(dir, 'ductape.config.mjs')).catch((e: unknown) => e)) as ConfigValidationError;
    expect(error.issues[0]).toMatchObject({ path: '(the exported config)', problem: 'is missing' });
    expect(error.issues[0]?.allowed).toMatch(/^an object \{ products:/);
  });

  it('defineConfig returns the config as written and types its keys', () => {
    const config = { products: { app: { databases: { main: { environments: { dev: 'postgres://localhost/app' } } } } } };
    expect(defineConfig(config)).toBe(config);
    // @ts-expect-error a misspelt key does not compile
    defineConfig({ products: { app: { databases: { main: { enviroments: { dev: 'x' } } } } } });
    const typed: DuctapeConfig = defineConfig({ products: {}, migrationsDir: 'db/migrations' });
    expect(typed.migrationsDir).toBe('db/migrations');
  });
});
