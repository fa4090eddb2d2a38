/**
 * Command-line arguments of the suite.
 * @example parseArgs(['postgres', '--quick', '--seed', '7']) // { targets: ['postgres'], quick: true, seed: 7, ... }
 * @param {readonly string[]} argv
 */
export function parseArgs(argv) {
  const out = { targets: [], quick: false, seed: 20261125, only: undefined, keep: false, help: false, save: undefined };
  const m = argv.indexOf('--merge');
  if (m >= 0) return { ...out, merge: argv.slice(m + 1) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') out.quick = true;
    else if (a === '--full') out.quick = false;
    else if (a === '--keep') out.keep = true;
    else if (a === '--cluster') out.targets.push('galera', 'cassandra-cluster');
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--seed') out.seed = Number(argv[++i]);
    else if (a.startsWith('--seed=')) out.seed = Number(a.slice(7));
    else if (a === '--save') out.save = String(argv[++i]);
    else if (a === '--fuzz-minutes') out.fuzzMinutes = Number(argv[++i]);
    else if (a === '--lanes') out.lanes = Number(argv[++i]);
    else if (a === '--round-trip-minutes') out.roundTripMinutes = Number(argv[++i]);
    else if (a === '--round-trip-slice') out.roundTripSlice = String(argv[++i]);
    else if (a === '--only') out.only = String(argv[++i]).split(',');
    else if (a.startsWith('--only=')) out.only = a.slice(7).split(',');
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else out.targets.push(a);
  }
  if (!Number.isInteger(out.seed)) throw new Error('--seed takes an integer');
  if (out.roundTripSlice !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(out.roundTripSlice)) throw new Error('--round-trip-slice takes i/n, e.g. 2/4');
  if (out.lanes !== undefined && !(Number.isInteger(out.lanes) && out.lanes >= 1)) throw new Error('--lanes takes an integer ≥ 1');
  return out;
}
