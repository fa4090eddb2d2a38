#!/usr/bin/env node
// `pnpm reliability [adapter…] [--quick] [--seed N] [--only p1,p2] [--keep]`: the reliability and
// security suite on each database; a table, then (last stdout line) one JSON object of counts.
import { parseArgs } from '../src/cli-args.mjs';
import { mergeReports } from '../src/merge-reports.mjs';
import { runLanes } from '../src/run-lanes.mjs';
import { runSuite } from '../src/run-suite.mjs';

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  process.stdout.write(
    'usage: pnpm reliability [postgres pglite mysql mariadb mongo dynamo cassandra] [galera cassandra-cluster | --cluster] [--quick] [--seed N] [--only tamper,productionGuard,staleLock,concurrency,crash,badInput,secrets,roundTrip] [--keep] [--save file.json] [--fuzz-minutes N] [--round-trip-minutes N] [--round-trip-slice i/n] [--lanes N]\n       pnpm reliability --merge a.json b.json   (one table from saved runs)\n',
  );
  process.exit(0);
}
if (args.merge) process.exit(mergeReports(args.merge, (line) => process.stdout.write(`${line}\n`)) ? 0 : 1);
const run = args.lanes > 1 && !args.save ? runLanes : runSuite;
const { ok } = await run(args, { log: (line) => process.stderr.write(`${line}\n`), out: (line) => process.stdout.write(`${line}\n`) });
process.exit(ok ? 0 : 1);
