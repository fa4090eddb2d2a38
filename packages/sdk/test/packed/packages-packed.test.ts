import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRegistry, startLocalRegistry } from './support/local-registry.js';
import { PUBLISHED, filesOf, manifestOf, packWorkspace, repackAs, run } from './support/pack.js';
// @ts-expect-error plain .mjs module of the services tooling
import { tempDir } from '@ductape/services/temp-dir';

// What a user gets from npm: the packed tarballs, served by name and version from a registry for the
// @ductape scope (everything else comes from npmjs.org), installed in empty CommonJS projects.
const ADAPTERS = ['@ductape/adapter-cassandra', '@ductape/adapter-dynamo', '@ductape/adapter-mariadb', '@ductape/adapter-mongo', '@ductape/adapter-mysql'];

// Errors made inside each package, checked against the DuctapeError the application imports.
const CHECK_ERRORS = `
const core = require('@ductape/core');
const sdk = require('@ductape/sdk');
const pg = require('@ductape/adapter-postgres');
const mysql = require('@ductape/adapter-mysql');
const ctx = { migration: { name: 'x', tag: '20260101_000000_x', up: [], down: [] }, direction: 'up', index: 0, options: {} };
const op = { type: 'createIndex', collection: 'users', index: { name: 'users_email', fields: [] } };
const caught = (f) => { try { f(); return undefined; } catch (e) { return e; } };
const errors = {
  postgres: caught(() => pg.compilePostgres(op, ctx)),
  mysql: caught(() => mysql.compileMysql(op, ctx)),
  mysqlConfig: caught(() => mysql.parseConnection('mysql://localhost')),
  sdk: new sdk.ConfigError('bad', 'fix it'),
};
const seen = {};
for (const [k, e] of Object.entries(errors)) seen[k] = { ductape: e instanceof core.DuctapeError, validation: e instanceof core.ValidationError, code: e && e.code };
console.log(JSON.stringify({ seen, sameClass: sdk.DuctapeError === core.DuctapeError }));
`;

function emptyProject(): string {
  const app = tempDir('ductape-app-');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  return app;
}

describe('the packed packages', () => {
  const packs = tempDir('ductape-packs-');
  const tgz = new Map<string, string>();
  let registry: LocalRegistry;
  const npmInstall = (cwd: string, specs: string[]) => run('npm', ['install', '--no-audit', '--no-fund', `--@ductape:registry=${registry.url}`, ...specs], { cwd, timeout: 300_000 });

  beforeAll(async () => {
    for (const dir of PUBLISHED) tgz.set(dir, await packWorkspace(dir, packs));
    const core = tgz.get('core') as string;
    const mysql = tgz.get('adapter-mysql') as string;
    registry = await startLocalRegistry([
      ...tgz.values(),
      // The next release: core and the MySQL adapter at 0.1.1 (the PostgreSQL adapter unchanged).
      await repackAs(core, '0.1.1', {}, packs),
      await repackAs(mysql, '0.1.1', { '@ductape/core': '0.1.1' }, packs),
      // A MySQL adapter from a line the sdk does not support.
      await repackAs(mysql, '1.0.0', {}, packs),
    ]);
  }, 300_000);
  afterAll(() => registry?.close());

  it('each carries LICENSE, repository with directory, homepage, bugs, keywords, engines, and maps without sources', async () => {
    for (const dir of PUBLISHED) {
      const file = tgz.get(dir) as string;
      const pkg = await manifestOf(file);
      const files = await filesOf(file);
      expect(files, dir).toContain('LICENSE');
      expect(pkg.license, dir).toBe('MIT');
      expect(pkg.repository, dir).toMatchObject({ type: 'git', directory: `packages/${dir}` });
      expect(pkg.homepage, dir).toMatch(/^https:\/\//);
      expect(pkg.bugs?.url, dir).toMatch(/^https:\/\//);
      expect(pkg.keywords?.length, dir).toBeGreaterThan(2);
      // ESM only: a CommonJS require() needs require(esm), unflagged from 20.19 and 22.12.
      const requireCondition = JSON.stringify(pkg.exports).includes('"require"');
      if (!requireCondition) expect(pkg.engines?.node, dir).toBe('^20.19.0 || >=22.12.0');
      const maps = files.filter((f) => f.endsWith('.map'));
      for (const map of maps) {
        const { stdout } = await run('tar', ['-xzOf', file, `package/${map}`], { maxBuffer: 64 * 1024 * 1024 });
        expect((JSON.parse(stdout) as { sourcesContent?: unknown }).sourcesContent, `${dir}/${map}`).toBeUndefined();
      }
    }
  });

  it('the sdk declares every adapter as an optional peer, and core as a caret dependency; adapters take core as a peer', async () => {
    const sdk = await manifestOf(tgz.get('sdk') as string);
    expect(sdk.dependencies?.['@ductape/core']).toMatch(/^\^0\.1\.\d+$/);
    for (const name of ADAPTERS) {
      expect(sdk.peerDependencies?.[name], name).toBeDefined();
      expect(sdk.peerDependenciesMeta?.[name], name).toEqual({ optional: true });
    }
    for (const dir of PUBLISHED.filter((d) => d.startsWith('adapter-'))) {
      const pkg = await manifestOf(tgz.get(dir) as string);
      expect(pkg.dependencies?.['@ductape/core'], dir).toBeUndefined();
      expect(pkg.peerDependencies?.['@ductape/core'], dir).toBe('>=0.1.0 <1.0.0');
    }
  });

  it('two adapters of different versions beside one core: one copy of core, instanceof and codes hold across packages', async () => {
    const app = emptyProject();
    await npmInstall(app, ['@ductape/core@0.1.1', '@ductape/sdk@0.1.0', '@ductape/adapter-postgres@0.1.0', '@ductape/adapter-mysql@0.1.1']);
    const { stdout: copies } = await run('find', ['node_modules', '-path', '*/@ductape/core/package.json'], { cwd: app });
    expect(copies.trim().split('\n')).toEqual(['node_modules/@ductape/core/package.json']);
    writeFileSync(join(app, 'check.js'), CHECK_ERRORS);
    const { stdout } = await run(process.execPath, ['check.js'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      seen: {
        postgres: { ductape: true, validation: true, code: 'DUCTAPE_VALIDATION' },
        mysql: { ductape: true, validation: true, code: 'DUCTAPE_VALIDATION' },
        mysqlConfig: { ductape: true, validation: false, code: 'DUCTAPE_CONFIG' },
        sdk: { ductape: true, validation: false, code: 'DUCTAPE_CONFIG' },
      },
      sameClass: true,
    });
  }, 600_000);

  it('a CommonJS project writes ductape.config.cjs with defineConfig, and a misspelt key names its path', async () => {
    const app = emptyProject();
    await npmInstall(app, ['@ductape/core@0.1.0', '@ductape/sdk@0.1.0']);
    const config = (environments: string) =>
      `const { defineConfig } = require('@ductape/sdk');\nmodule.exports = defineConfig({ products: { app: { databases: { main: { ${environments}: { dev: 'postgres://localhost/app' } } } } } });\n`;
    const load = `require('@ductape/sdk').loadConfigFile(require('@ductape/sdk').findConfigFile(process.cwd())).then((c) => console.log(JSON.stringify(c)), (e) => console.log(JSON.stringify({ name: e.name, code: e.code, issues: e.issues })));`;
    writeFileSync(join(app, 'load.js'), load);
    writeFileSync(join(app, 'ductape.config.cjs'), config('environments'));
    expect(JSON.parse((await run(process.execPath, ['load.js'], { cwd: app })).stdout)).toEqual({ products: { app: { databases: { main: { environments: { dev: 'postgres://localhost/app' } } } } } });
    writeFileSync(join(app, 'ductape.config.cjs'), config('enviroments'));
    expect(JSON.parse((await run(process.execPath, ['load.js'], { cwd: app })).stdout)).toMatchObject({
      name: 'ConfigValidationError',
      code: 'DUCTAPE_CONFIG',
      issues: [
        { path: 'products.app.databases.main.enviroments', problem: 'is not a known key (did you mean "environments"?)', allowed: 'adapter, environments, options' },
        { path: 'products.app.databases.main.environments' },
      ],
    });
  }, 600_000);

  it('npm refuses an adapter outside the range the sdk supports', async () => {
    const app = emptyProject();
    const failed = await npmInstall(app, ['@ductape/core@0.1.0', '@ductape/sdk@0.1.0', '@ductape/adapter-mysql@1.0.0']).then(
      () => undefined,
      (e: { stderr: string }) => e.stderr,
    );
    expect(failed).toMatch(/ERESOLVE/);
    expect(failed).toMatch(/peerOptional @ductape\/adapter-mysql@">=0\.1\.0 <1\.0\.0" from @ductape\/sdk@0\.1\.0/);
  }, 600_000);
});
