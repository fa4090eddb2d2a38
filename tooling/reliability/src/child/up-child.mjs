// Child process of the concurrency and crash properties: reads a spec file, runs upAll (or holds
// the lock), and reports on stdout, one JSON object a line. Exit 0 on success, 1 on an error.
import { readFileSync } from 'node:fs';
import { openAdapter } from '../open-adapter.mjs';
import { describeError, runUp } from '../run-up.mjs';
import { holdLock } from '../hold-lock.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

try {
  const adapter = await openAdapter(spec.target);
  if (spec.mode === 'hold-lock') {
    const owner = { id: `hold-${process.pid}`, description: `reliability lock holder pid ${process.pid}` };
    await holdLock(adapter, owner, spec.leaseMs, () => say({ type: 'holding', pid: process.pid, owner: owner.description }));
  } else {
    say({ type: 'ready', pid: process.pid });
    const { outcomes } = await runUp(adapter, spec.migrations, {
      engine: spec.engine,
      up: spec.up,
      onEvent: (e) => {
        if (e.type === 'step:start' || e.type === 'step:done' || e.type === 'migration:start' || e.type === 'migration:done') say({ type: 'progress', event: e });
      },
    });
    say({ type: 'result', outcomes });
    await adapter.close().catch(() => undefined);
    process.exit(0);
  }
} catch (error) {
  say({ type: 'error', error: describeError(error) });
  process.exit(1);
}
