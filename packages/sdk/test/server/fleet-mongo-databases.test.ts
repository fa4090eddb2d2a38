import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { fleetKillCases } from '../support/fleet-kill-cases.js';

// Issue 20 acceptance on MongoDB (the FerretDB server), a database per tenant: 12 databases,
// listed as the fleet's targets; two runners, one SIGKILLed mid-fleet and restarted (see
// fleet-kill-cases). The lock is a lease document: the killed runner's lease ends with its expiry
// (30 s), which the other runners wait for. FerretDB has no validators, so the fleet runs with
// onMissingFeature 'warn' (adapter-mongo README). The test reads with adapter-mongo's driver.
const TENANTS = 12;
const serverUrl = requireServer('mongo') as string | undefined;
const adapter = fileURLToPath(new URL('../../../adapter-mongo/dist/index.js', import.meta.url));

type Coll = { find(q: object): { toArray(): Promise<Record<string, unknown>[]> } };
type Db = { collection(name: string): Coll; createCollection(name: string): Promise<unknown>; dropDatabase(): Promise<unknown> };
type Client = { connect(): Promise<unknown>; db(name: string): Db; close(): Promise<void> };
const { MongoClient } = createRequire(new URL('../../../adapter-mongo/package.json', import.meta.url))('mongodb') as { MongoClient: new (url: string) => Client };

const base = `ductape_sdk_fleet_${randomBytes(3).toString('hex')}`;
const names = Array.from({ length: TENANTS }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
const database = (target: string) => `${base}_${target}`;
let client: Client;
const db = (t: string) => client.db(database(t));

fleetKillCases(
  serverUrl
    ? {
        label: 'MongoDB databases (FerretDB)',
        setup: async () => {
          const broken = 't08';
          client = new MongoClient(serverUrl as string);
          await client.connect();
          for (const t of names) if (t !== broken) await db(t).createCollection('legacy');
          const targets = names.map((name) => ({ url: Object.assign(new URL(serverUrl as string), { pathname: `/${database(name)}` }).toString(), name }));
          return { fleet: { adapter, options: { onMissingFeature: 'warn' }, environments: { dev: { targets } } }, targets: names, broken };
        },
        history: async (t) => (await db(t).collection('_ductape_migrations').find({}).toArray()).map((d) => `${String(d._id)}:${String(d.status)}`).sort(),
        heldLocks: async (t) =>
          (
            await db(t)
              .collection('_ductape_lock')
              .find({ released: false, expiresAt: { $gt: new Date() } })
              .toArray()
          ).map((d) => String(d.description)),
        fix: async (t) => {
          await db(t).createCollection('legacy');
        },
        teardown: async () => {
          if (!client) return;
          for (const t of names) await db(t).dropDatabase();
          await client.close();
        },
      }
    : undefined,
);
