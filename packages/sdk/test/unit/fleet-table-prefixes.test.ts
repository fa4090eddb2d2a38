import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tablePrefixes } from '../../src/fleet/discover-names.js';
import { resolveFleet } from '../../src/fleet/resolve-fleet.js';
import { tenantMigrations } from '../support/fleet.js';

describe('DynamoDB fleets by table prefix (issue 20)', () => {
  it('tablePrefixes: the shortest matching start of each table name, distinct and sorted; tables of no tenant left out', () => {
    const tables = ['t_2.users', 't_1.users', 't_1._ductape_migrations', 't_10.orders', 'global', 't_3', 'audit.t_1.x'];
    expect(tablePrefixes(tables, 't\\_%.')).toEqual(['t_1.', 't_10.', 't_2.']);
    // Shortest: an id must not contain the delimiter, or the prefix ends at its first one.
    expect(tablePrefixes(['tenant_42_order_items', 'tenant_42_users'], 'tenant\\_%\\_')).toEqual(['tenant_42_']);
    // A prefix is never the whole name.
    expect(tablePrefixes(['acme.'], 'acme.')).toEqual([]);
  });

  it('resolveFleet: discover.tablePrefixLike needs the DynamoDB adapter; a target may give its tablePrefix', () => {
    const file = (value: DuctapeConfig) => ({ file: 'ductape.config.mjs', value });
    const discover = resolveFleet('t', 'prd', file({ products: {}, fleets: { t: { environments: { prd: { discover: { url: 'dynamodb://localhost:8000', tablePrefixLike: 'acme\\_%.' } } } } } }), {});
    expect(discover).toMatchObject({ kind: 'discover', what: 'tablePrefixes', like: 'acme\\_%.', adapterPackage: '@ductape/adapter-dynamo', key: 'tablePrefixLike' });
    expect(() => resolveFleet('t', 'prd', file({ products: {}, fleets: { t: { environments: { prd: { discover: { url: 'postgres://h/db', tablePrefixLike: 'a%.' } } } } } }), {})).toThrow(
      /discovers tablePrefixes with @ductape\/adapter-postgres, which has no tablePrefixes to discover/,
    );
    const listed = resolveFleet(
      't',
      'prd',
      file({ products: {}, fleets: { t: { options: { pollIntervalMs: 50 }, environments: { prd: { targets: [{ url: 'dynamodb://localhost:8000', tablePrefix: 'acme.' }] } } } } }),
      {},
    );
    expect(listed).toMatchObject({ kind: 'targets', targets: [{ name: 'acme.', adapterPackage: '@ductape/adapter-dynamo', options: { pollIntervalMs: 50, tablePrefix: 'acme.' } }] });
    expect(() => resolveFleet('t', 'prd', file({ products: {}, fleets: { t: { environments: { prd: { targets: [{ url: 'mysql://h/db', tablePrefix: 'acme.' }] } } } } }), {})).toThrow(
      /gives a tablePrefix, but @ductape\/adapter-mysql keeps a target per database/,
    );
  });

  it('the config check names a bad tablePrefix or tablePrefixLike before any IO', async () => {
    const bad = {
      products: {},
      fleets: { t: { environments: { prd: { targets: [{ url: 'dynamodb://localhost:8000', tablePrefix: '' }] }, stg: { discover: { url: 'dynamodb://x', tablePrefixLike: 3 } } } } },
    } as unknown as DuctapeConfig;
    const error = (await new DatabaseService({ config: bad, vars: {} })
      .fleet('t')
      .up({ env: 'prd', migrations: tenantMigrations() })
      .catch((e: Error) => e)) as Error & { code: string };
    expect(error.code).toBe('DUCTAPE_CONFIG');
    expect(error.message).toContain('targets[0].tablePrefix');
    expect(error.message).toContain('discover.tablePrefixLike');
  });
});
