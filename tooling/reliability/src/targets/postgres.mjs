import { runName, withPassword, withPath } from './names.mjs';
import { sqlProbe } from './sql-probe.mjs';

/**
 * PostgreSQL on the server of DUCTAPE_TEST_POSTGRES_URL: a fresh database per run.
 * @example const ns = await postgresTarget.provision(process.env.DUCTAPE_TEST_POSTGRES_URL);
 */
export const postgresTarget = {
  key: 'postgres',
  pkg: '@ductape/adapter-postgres',
  server: 'postgres',
  /** @param {string} serverUrl */
  async provision(serverUrl) {
    const name = runName('ductape_rel');
    await admin(serverUrl, `CREATE DATABASE "${name}"`);
    const url = withPath(serverUrl, name);
    return {
      key: 'postgres',
      pkg: '@ductape/adapter-postgres',
      multiProcess: true,
      connection: url,
      options: {},
      raw: { dialect: 'postgresql', sleep: (s) => `SELECT pg_sleep(${s})` },
      secretConnections: (marker) => ({
        unreachable: `postgres://ductape:${marker}@127.0.0.1:1/${name}`,
        real: withPassword(url, marker),
      }),
      openProbe: (adapter) => sqlProbe((text, params) => adapter.query(text, params), '"', 'public'),
      async dispose() {
        await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  },
};

async function admin(serverUrl, sql) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
