import { setTimeout as sleep } from 'node:timers/promises';
import { confirm } from '../cli/confirm.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { targetLabel } from '../project/describe.js';
import { forceRelease, lockHolder } from '../project/force-release.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape unlock`: says who holds the migration lock and, after confirmation (or --yes),
 * releases it through the adapter's lock store. For a stuck holder, not a running migration.
 * @example ductape unlock --yes
 */
export const unlockCommand: CommandRun = (ctx) =>
  withTarget(ctx, async (t) => {
    const { out } = ctx;
    const first = await lockHolder(t.adapter);
    if (!first.locked) {
      out.line(`${targetLabel(t.names)}: the migration lock is free`);
      return { exitCode: ExitCode.ok, data: { target: t.names, locked: false, holder: null, released: false } };
    }
    out.line(`${targetLabel(t.names)}: the migration lock is held by ${out.c.bold(first.holder ?? 'an unknown holder')}`);
    await confirm(ctx, 'Release it? A migration still running under it would go on unprotected');
    await forceRelease(t.adapter);
    let after = await lockHolder(t.adapter);
    for (let i = 0; i < 20 && after.locked; i++) {
      await sleep(100);
      after = await lockHolder(t.adapter);
    }
    out.line(after.locked ? out.c.red(`still held by ${after.holder ?? 'an unknown holder'}`) : out.c.green('released'));
    return { exitCode: after.locked ? ExitCode.failure : ExitCode.ok, data: { target: t.names, locked: true, holder: first.holder ?? null, released: !after.locked } };
  });
