#!/usr/bin/env node
// One runner process of `pnpm bench fleet`'s two-runner contender: `db.fleet('tenants').up` through
// @ductape/sdk on the fleet given as JSON in argv[2] ({ fleetConfig, concurrency, workload }),
// then one JSON line: the summary's counts and the targets each state holds.
import { DatabaseService } from '@ductape/sdk';
import { workloadOf } from './fleet-workload.mjs';

const { fleetConfig, concurrency, workload } = JSON.parse(process.argv[2] ?? '{}');
const db = new DatabaseService({ config: { products: {}, fleets: { tenants: fleetConfig } }, vars: {} });
const t0 = performance.now();
const s = await db.fleet('tenants').up({ env: 'bench', migrations: workloadOf(workload), concurrency });
const ms = Math.round(performance.now() - t0);
console.log(JSON.stringify({ ms, applied: s.applied, done: s.done, upToDate: s.upToDate, failed: s.failed, skipped: s.skipped, notStarted: s.notStarted?.length ?? 0 }));
