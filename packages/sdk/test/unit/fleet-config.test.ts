import { describe, expect, it } from 'vitest';
import { ConfigValidationError, DatabaseService, type DuctapeConfig, validateConfig } from '../../src/index.js';
import { memoryFleet, tenantMigrations } from '../support/fleet.js';

const ms = tenantMigrations();

function issuesOf(config: unknown): string[] {
  try {
    validateConfig(config, 'ductape.config.mjs');
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues.map((i) => `${i.path}: ${i.problem}`);
    throw error;
  }
  return [];
}

describe('fleets in the config', () => {
  it('accepts explicit targets and a discovery', () => {
    const config = {
      products: {},
      fleets: {
        tenants: {
          adapter: '@ductape/adapter-postgres',
          options: { online: false },
          environments: {
            staging: { targets: ['postgres://app@db/t1', { url: 'postgres://app@db/shared', schema: 'tenant_2', name: 'two' }] },
            prd: { discover: { schemasLike: 'tenant_%', url: '${env:TENANTS_URL}' } },
          },
        },
      },
    };
    expect(issuesOf(config)).toEqual([]);
  });

  it('lists every bad key with its path', () => {
    const issues = issuesOf({
      products: {},
      fleets: {
        a: { enviroments: {} },
        b: { environments: { prd: { targets: [] }, dev: {}, stg: { targets: ['x'], discover: { schemasLike: 't_%', url: 'postgres://h/d' } } } },
        c: { adapter: 3, environments: { prd: { targets: ['', 7, { url: 'postgres://h/d', schema: '', nmae: 'x' }] } } },
        d: { environments: { prd: { discover: { schemasLike: '', url: 5 } } } },
      },
    });
    expect(issues).toEqual([
      'fleets.a.enviroments: is not a known key (did you mean "environments"?)',
      'fleets.a.environments: is missing',
      'fleets.b.environments.prd.targets: is empty',
      'fleets.b.environments.dev: has neither targets nor discover',
      'fleets.b.environments.stg: has both targets and discover',
      'fleets.c.adapter: is a number',
      'fleets.c.environments.prd.targets[0]: is an empty string',
      'fleets.c.environments.prd.targets[1]: is a number',
      'fleets.c.environments.prd.targets[2].nmae: is not a known key (did you mean "name"?)',
      'fleets.c.environments.prd.targets[2].schema: is an empty string',
      'fleets.d.environments.prd.discover.schemasLike: is an empty string',
      'fleets.d.environments.prd.discover.url: is a number',
    ]);
  });

  it('checks a config passed in code before any IO, and names the fleet and env to add', async () => {
    const bad = { products: {}, fleets: { tenants: { environments: { prd: { targets: [] } } } } } as unknown as DuctapeConfig;
    await expect(new DatabaseService({ config: bad, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms })).rejects.toBeInstanceOf(ConfigValidationError);
    const { config } = memoryFleet(2);
    const db = new DatabaseService({ config, vars: {} });
    await expect(db.fleet('tenant').up({ env: 'prd', migrations: ms })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.stringContaining('did you mean "tenants"') });
    await expect(db.fleet('tenants').up({ env: 'staging', migrations: ms })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.stringContaining('(configured: prd)') });
    await expect(new DatabaseService({ cwd: '/', vars: {} }).fleet('tenants').status({ env: 'prd', migrations: ms })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG' });
  });

  it('refuses targets it cannot resolve: a schema off PostgreSQL, discovery off PostgreSQL, duplicate names, unknown schemes, unset variables', async () => {
    const fleet = (environments: unknown, adapter?: string) =>
      new DatabaseService({ config: { products: {}, fleets: { f: { ...(adapter ? { adapter } : {}), environments } } } as DuctapeConfig, vars: {} }).fleet('f').up({ env: 'prd', migrations: ms });
    await expect(fleet({ prd: { targets: [{ url: 'memory://a', schema: 's' }] } })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('schemas are for @ductape/adapter-postgres'),
    });
    await expect(fleet({ prd: { discover: { schemasLike: 't%', url: 'mysql://h/d' } } })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('can discover databases (databasesLike or databasePrefix)'),
    });
    await expect(fleet({ prd: { targets: ['memory://a', 'memory://a'] } })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.stringContaining('both named "memory://a"') });
    await expect(fleet({ prd: { targets: ['nosuch://a'] } })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.stringContaining("add adapter: '@ductape/adapter-…'") });
    await expect(fleet({ prd: { targets: ['postgres://app:${env:PW}@h/d'] } })).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.stringContaining('PW is not set') });
  });

  it('refuses wrong options with typed errors before loading any adapter', async () => {
    // The adapter package does not exist: reaching IO would fail with DUCTAPE_ADAPTER_NOT_INSTALLED instead.
    const config = { products: {}, fleets: { f: { adapter: '@ductape/adapter-nosuch', environments: { prd: { targets: ['x://a'] } } } } } as DuctapeConfig;
    const fleet = new DatabaseService({ config, vars: {} }).fleet('f');
    const cases: [unknown, string][] = [
      [undefined, 'the options of fleet("f").up()'],
      [{ migrations: ms }, 'env must be'],
      [{ env: 'prd', migrations: 'migrations/' }, 'migrations must be'], // omitted: the directory is read (fleet-migrations-dir.test.ts)
      [{ env: 'prd', migrations: [{ name: 'x' }] }, 'invalid'],
      [{ env: 'prd', migrations: [ms[0], ms[0]] }, 'distinct names'],
      [{ env: 'prd', migrations: ms, concurrency: 0 }, 'concurrency must be'],
      [{ env: 'prd', migrations: ms, canary: -1 }, 'canary must be'],
      [{ env: 'prd', migrations: ms, maxFailures: 0 }, 'maxFailures must be'],
      [{ env: 'prd', migrations: ms, lockTimeoutMs: 0 }, 'lockTimeoutMs must be'],
      [{ env: 'prd', migrations: ms, onEvent: 'log' }, 'onEvent must be'],
    ];
    for (const [options, text] of cases) {
      const error = (await fleet.up(options as never).catch((e: Error) => e)) as Error & { code: string };
      expect([error.code, error.message]).toEqual([expect.stringMatching(/^DUCTAPE_(INVALID_ARGUMENT|VALIDATION)$/), expect.stringContaining(text)]);
    }
    expect(() => new DatabaseService({ config, vars: {} }).fleet('')).toThrow(/fleet name must be/);
    // With good options it gets as far as loading the adapter, a failure of that target.
    expect((await fleet.up({ env: 'prd', migrations: ms })).failed).toMatchObject([{ target: 'x://a', code: 'DUCTAPE_ADAPTER_NOT_INSTALLED' }]);
  });
});
