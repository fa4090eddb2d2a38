import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Adapter } from '@ductape/sdk';
import { confirm } from '../cli/confirm.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { targetLabel } from '../project/describe.js';
import { forceRelease } from '../project/force-release.js';
import { CLI_OWNER, withTarget } from '../project/open-target.js';

/**
 * `ductape unlock`: says who holds the migration lock and, after confirmation (or --yes),
 * releases it. Use it when a holder is stuck, not while a migration is running.
 * @example ductape unlock --yes
 */
export const unlockCommand: CommandRun = (ctx) =>
  withTarget(ctx, async (t) => {
    const { out } = ctx;
    const first = await probe(t.adapter);
    if (!first.locked) {
      out.line(`${targetLabel(t.names)}: the migration lock is free`);
      return { exitCode: ExitCode.ok, data: { target: t.names, locked: false, holder: null, released: false } };
    }
    out.line(`${targetLabel(t.names)}: the migration lock is held by ${out.c.bold(first.holder ?? 'an unknown holder')}`);
    await confirm(ctx, 'Release it? A migration still running under it would go on unprotected');
    const action = await forceRelease(t.adapter, first.holder);
    let after = await probe(t.adapter);
    for (let i = 0; i < 20 && after.locked; i++) {
      await sleep(100);
      after = await probe(t.adapter);
    }
    out.line(after.locked ? out.c.red(`still held (${after.holder ?? 'unknown'}) after: ${action}`) : `${out.c.green('released')}: ${action}`);
    return { exitCode: after.locked ? ExitCode.failure : ExitCode.ok, data: { target: t.names, locked: true, holder: first.holder ?? null, released: !after.locked, action } };
  });

/** Tries the lock once: free (taken and given back at once) or held by whom. */
async function probe(adapter: Adapter): Promise<{ locked: boolean; holder: string | undefined }> {
  const r = await adapter.lock.tryAcquire({ id: randomUUID(), description: `${CLI_OWNER} (unlock probe)` }, 5_000);
  if (!r.acquired) return { locked: true, holder: r.heldBy };
  await adapter.lock.release(r.handle);
  return { locked: false, holder: undefined };
}
