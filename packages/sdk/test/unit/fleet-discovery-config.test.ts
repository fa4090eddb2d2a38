import { describe, expect, it } from 'vitest';
import { ConfigValidationError, DatabaseService, type DuctapeConfig, type FleetEnvironmentConfig, validateConfig } from '../../src/index.js';
import { databaseOf, likeMatcher, withDatabase } from '../../src/fleet/discover-names.js';
import { prefixLike } from '../../src/fleet/resolve-fleet.js';
import { memoryFleet, tenantMigrations } from '../support/fleet.js';

// Issue 20: discovery on every database kind and a targets function, all checked before any IO.
const ms = tenantMigrations().slice(0, 2);

function issuesOf(environments: Record<string, unknown>, adapter?: string): string[] {
  try {
    validateConfig({ products: {}, fleets: { f: { ...(adapter ? { adapter } : {}), environments } } }, 'ductape.config.mjs');
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues.map((i) => `${i.path}: ${i.problem}`);
    throw error;
  }
  return [];
}

const fleet = (environments: Record<string, FleetEnvironmentConfig>, adapter?: string) =>
  new DatabaseService({ config: { products: {}, fleets: { f: { ...(adapter ? { adapter } : {}), environments } } } as DuctapeConfig, vars: {} }).fleet('f');

describe('fleet discovery config', () => {
  it('accepts one pattern per discover, and a targets function', () => {
    expect(
      issuesOf({
        a: { discover: { url: 'postgres://h/postgres', databasesLike: 't\\_%' } },
        b: { discover: { url: 'mysql://h', databasePrefix: 't_' } },
        c: { discover: { url: 'cassandra://h?dc=dc1', keyspacesLike: 't%' } },
        d: { discover: { url: 'postgres://h/app', schemasLike: 'tenant_%' } },
        e: { targets: async () => ['postgres://h/t1'] },
      }),
    ).toEqual([]);
  });

  it('lists a discover without a pattern, with two, or with an empty one, by path', () => {
    expect(
      issuesOf({
        a: { discover: { url: 'postgres://h/d' } },
        b: { discover: { url: 'postgres://h/d', schemasLike: 't%', databasesLike: 't%' } },
        c: { discover: { url: 'mongodb://h', databasePrefix: '' } },
        d: { discover: { url: 'mongodb://h', collectionsLike: 'x' } },
        e: { targets: 'postgres://h/t1' },
      }),
    ).toEqual([
      'fleets.f.environments.a.discover: has no pattern',
      'fleets.f.environments.b.discover: has schemasLike and databasesLike',
      'fleets.f.environments.c.discover.databasePrefix: is an empty string',
      'fleets.f.environments.d.discover.collectionsLike: is not a known key',
      'fleets.f.environments.d.discover: has no pattern',
      'fleets.f.environments.e.targets: is a string',
    ]);
  });

  it('refuses a pattern the adapter cannot list before any IO, naming the one it can', async () => {
    await expect(fleet({ prd: { discover: { url: 'cassandra://127.0.0.1:1?dc=x', databasesLike: 't%' } } }).up({ env: 'prd', migrations: ms })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('@ductape/adapter-cassandra can discover keyspaces (keyspacesLike)'),
    });
    await expect(fleet({ prd: { discover: { url: 'postgres://127.0.0.1:1/d', keyspacesLike: 't%' } } }).up({ env: 'prd', migrations: ms })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('works with @ductape/adapter-cassandra'),
    });
    // An adapter given by path lists as its URL's scheme says (mongodb: databases).
    await expect(fleet({ prd: { discover: { url: 'mongodb://127.0.0.1:1', schemasLike: 't%' } } }, '/opt/adapters/mongo.js').status({ env: 'prd', migrations: ms })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('@ductape/adapter-mongo can discover databases'),
    });
  });

  it('runs the targets a config function returns, once, with the fleet and env', async () => {
    const { urls, names } = memoryFleet(3);
    const calls: unknown[] = [];
    const f = fleet(
      {
        prd: {
          targets: async (ctx) => {
            calls.push(ctx);
            return urls.map((url, i) => ({ url, name: names[i] as string }));
          },
        },
      },
      '@ductape/core/testing',
    );
    const summary = await f.up({ env: 'prd', migrations: ms });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 6 });
    expect(summary.rows.map((r) => r.target)).toEqual(names);
    expect(calls).toEqual([{ fleet: 'f', env: 'prd' }]);
  });

  it('checks what the function returned as a targets list, and reports a function that throws, before any target', async () => {
    const bad = fleet({ prd: { targets: () => [{ url: '' }, 5] as never } }, '@ductape/core/testing').up({ env: 'prd', migrations: ms });
    await expect(bad).rejects.toBeInstanceOf(ConfigValidationError);
    await expect(bad).rejects.toMatchObject({ message: expect.stringContaining('fleets.f.environments.prd.targets()[0].url: is an empty string') });
    await expect(fleet({ prd: { targets: () => [] } }, '@ductape/core/testing').up({ env: 'prd', migrations: ms })).rejects.toMatchObject({
      message: expect.stringContaining('targets(): is empty'),
    });
    await expect(
      fleet({
        prd: {
          targets: () => {
            throw new Error('registry down at postgres://admin:hunter2@reg/x');
          },
        },
      }).up({ env: 'prd', migrations: ms }),
    ).rejects.toMatchObject({ code: 'DUCTAPE_CONFIG', message: expect.not.stringContaining('hunter2') });
  });
});

describe('discovery helpers', () => {
  it('matches LIKE patterns on whole names, \\ making the next character literal', () => {
    const m = likeMatcher('t\\_%');
    expect(['t_1', 't_', 'tx1', 'at_1', 'T_1'].map(m)).toEqual([true, true, false, false, false]);
    expect(['ab', 'a', 'abc'].map(likeMatcher('a_'))).toEqual([true, false, false]);
    expect(['a.b', 'axb'].map(likeMatcher('a.b'))).toEqual([true, false]);
    expect(prefixLike('t_%')).toBe('t\\_\\%%');
    expect(['t_%1', 't_x1'].map(likeMatcher(prefixLike('t_%')))).toEqual([true, false]);
  });

  it('puts a discovered name in the URL path, keeping credentials and options', () => {
    expect(withDatabase('mysql://u:p%40ss@h:3306/x?ssl=true', 't_1')).toBe('mysql://u:p%40ss@h:3306/t_1?ssl=true');
    expect(withDatabase('cassandra://h1:9042,h2:9042?dc=dc1', 'ks')).toBe('cassandra://h1:9042,h2:9042/ks?dc=dc1');
    expect(withDatabase('mongodb://h', 'a b')).toBe('mongodb://h/a%20b');
    expect(databaseOf('postgres://h:5432/app?x=1')).toBe('app');
    expect(databaseOf('mongodb://h:27017')).toBe('');
    expect(databaseOf('mongodb://h:27017/')).toBe('');
  });
});
