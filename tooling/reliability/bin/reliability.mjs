#!/usr/bin/env node
// `pnpm reliability [adapter…] [--quick] [--seed N] [--only p1,p2] [--keep]`: the reliability and
// security suite on each database; a table, then (last stdout line) one JSON object of counts.
import { parseArgs } from '../src/cli-args.mjs';
import { runSuite } from '../src/run-suite.mjs';

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  process.stdout.write('usage: pnpm reliability [postgres pglite mysql mariadb mongo dynamo cassandra] [--quick] [--seed N] [--only tamper,productionGuard,staleLock,concurrency,crash,badInput,secrets] [--keep]\n');
  process.exit(0);
}
const { ok } = await runSuite(args, { log: (line) => process.stderr.write(`${line}\n`), out: (line) => process.stdout.write(`${line}\n`) });
process.exit(ok ? 0 : 1);
