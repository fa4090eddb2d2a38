// `pnpm bench sdk-backfill [rows] [batchSize]`: the former PostgreSQL-only backfill benchmark, kept
// as an alias of `pnpm bench backfill --db postgres --rows <rows> --batch <batchSize>`
// (./backfill.mjs), which also times the single statement and a hand-written loop.
import { run as backfill } from './backfill.mjs';

/** @param {string[]} args */
export function run(args) {
  const [rows, batch] = args;
  return backfill(['--db', 'postgres', ...(rows ? ['--rows', rows] : []), ...(batch ? ['--batch', batch] : [])]);
}
