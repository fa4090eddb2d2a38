import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distLinesMatching } from './dist-sources.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The only places a built package may create a plain Error: source file, how many `new Error(`
 * it holds, and why. Everything else throws a DuctapeError with a code of core's registry and a
 * hint (issue 21). A new plain Error fails this test; so does a count here that is too high.
 */
const ALLOWED: readonly { readonly source: string; readonly count: number; readonly reason: string }[] = [
  {
    source: 'packages/adapter-mysql/src/mysql-connection-error.ts',
    count: 1,
    reason: "stepError: the driver's refusal of a step (redacted) stays a driver error, as PostgreSQL's pass on unchanged; the engine wraps it in MigrationFailedError",
  },
  {
    source: 'packages/core/src/testing/memory-adapter.ts',
    count: 1,
    reason: "failAtStep's default error stands in for a database driver's own failure, which is never a DuctapeError",
  },
  {
    source: 'packages/core/src/ops/raw.ts',
    count: 1,
    reason: "the in-memory adapter's raw { fail } command (raw's applyInMemory): its error stands in for a database driver's own failure, which is never a DuctapeError",
  },
  {
    source: 'packages/adapter-dynamo/src/execute/scan-update.ts',
    count: 2,
    reason: 'the cause inside a typed DynamoCommandError, never thrown itself (src/execute/ was not part of the issue 21 change)',
  },
  {
    source: 'packages/adapter-dynamo/src/data/update-rows.ts',
    count: 1,
    reason: 'the cause inside a typed DynamoCommandError, never thrown itself (as in execute/scan-update.ts)',
  },
  {
    source: 'packages/adapter-testkit/src/suites/schema-round-trip.ts',
    count: 4,
    reason: 'conformance failure reports inside a vitest test, never thrown to an adapter user',
  },
  {
    source: 'packages/adapter-testkit/src/suites/history-store.ts',
    count: 1,
    reason: "the test's own abort of a transaction, expected by the next line",
  },
];

describe('built packages', () => {
  it('create no plain Error outside the allowlist', () => {
    const found = distLinesMatching(root, /\bnew Error\(/);
    const bySource = new Map<string, string[]>();
    for (const f of found) bySource.set(f.source, [...(bySource.get(f.source) ?? []), `${f.file}:${f.line}: ${f.text.slice(0, 160)}`]);
    const problems: string[] = [];
    for (const [source, lines] of bySource) {
      const allowed = ALLOWED.find((a) => a.source === source);
      if (!allowed)
        problems.push(
          `${source} creates a plain Error (throw a DuctapeError subclass from @ductape/core with a registry code and a hint, or allowlist it here with a reason):\n  ${lines.join('\n  ')}`,
        );
      else if (lines.length > allowed.count) problems.push(`${source} creates ${lines.length} plain Errors, ${allowed.count} allowed:\n  ${lines.join('\n  ')}`);
    }
    for (const a of ALLOWED) {
      const n = bySource.get(a.source)?.length ?? 0;
      if (n < a.count) problems.push(`${a.source} is allowed ${a.count} plain Error(s) but creates ${n}: lower its count (or remove it) in ALLOWED`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
