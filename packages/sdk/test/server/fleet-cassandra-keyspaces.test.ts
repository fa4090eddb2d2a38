import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { fleetKillCases } from '../support/fleet-kill-cases.js';

// Issue 20 acceptance on Cassandra, a keyspace per tenant: 8 keyspaces (their creation is slow),
// listed as the fleet's targets; two runners, one SIGKILLed mid-fleet and restarted (see
// fleet-kill-cases). The lock is a lightweight-transaction lease row with a TTL: the killed runner's
// lease ends with it (30 s), which the other runners wait for. The test reads with
// adapter-cassandra's cassandra-driver.
const TENANTS = 8;
const hosts = requireServer('cassandra') as string | undefined;
const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
const adapter = fileURLToPath(new URL('../../../adapter-cassandra/dist/index.js', import.meta.url));

type Row = { get(column: string): unknown };
type Client = { connect(): Promise<void>; execute(cql: string, params?: unknown[], options?: object): Promise<{ rows: Row[] }>; shutdown(): Promise<void> };
const cassandra = createRequire(new URL('../../../adapter-cassandra/package.json', import.meta.url))('cassandra-driver') as {
  Client: new (o: { contactPoints: string[]; localDataCenter: string }) => Client;
};

const base = `dt_sdk_fleet_${randomBytes(3).toString('hex')}`;
const names = Array.from({ length: TENANTS }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
const keyspace = (target: string) => `${base}_${target}`;
let client: Client;
// A table a runner has just created can be known to the schema before its storage is ready: a
// read then fails with "Unknown CF <id>" for a moment. Only this test's own reads retry it.
const cql = async (text: string, params: unknown[] = []): Promise<{ rows: Row[] }> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.execute(text, params, { prepare: true });
    } catch (error) {
      if (attempt >= 50 || !/Unknown CF/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};
const ddl = (text: string) => client.execute(text);

fleetKillCases(
  hosts
    ? {
        label: 'Cassandra keyspaces',
        setup: async () => {
          const broken = 't03';
          client = new cassandra.Client({ contactPoints: hosts.split(','), localDataCenter: dc });
          await client.connect();
          for (const t of names) {
            await ddl(`CREATE KEYSPACE "${keyspace(t)}" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
            if (t !== broken) await ddl(`CREATE TABLE "${keyspace(t)}".legacy (id uuid PRIMARY KEY)`);
          }
          const targets = names.map((name) => ({ url: `cassandra://${hosts.split(',')[0]}/${keyspace(name)}?dc=${dc}`, name }));
          return { fleet: { adapter, environments: { dev: { targets } } }, targets: names, broken };
        },
        history: async (t) => (await cql(`SELECT name, status FROM "${keyspace(t)}"."_ductape_migrations"`)).rows.map((r) => `${String(r.get('name'))}:${String(r.get('status'))}`).sort(),
        // The lease row expires with its TTL, so a row that is there is a lease held now.
        heldLocks: async (t) => {
          const r = await cql(`SELECT description FROM "${keyspace(t)}"."_ductape_lock" WHERE name = ?`, ['lease']).catch((error: Error) => {
            if (/unconfigured table|does not exist/i.test(error.message)) return { rows: [] }; // no runner has locked it yet
            throw error;
          });
          return r.rows.map((row) => String(row.get('description')));
        },
        fix: async (t) => {
          await ddl(`CREATE TABLE "${keyspace(t)}".legacy (id uuid PRIMARY KEY)`);
        },
        teardown: async () => {
          if (!client) return;
          for (const t of names) await ddl(`DROP KEYSPACE IF EXISTS "${keyspace(t)}"`);
          await client.shutdown();
        },
      }
    : undefined,
);
