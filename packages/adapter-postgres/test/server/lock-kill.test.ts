import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationEngine, migration, type ProgressEvent } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { ensureBuilt } from '@ductape/services/ensure-built';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();
const child = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'hold-lock-child.mjs');

// Acceptance 2: killing (SIGKILL) the process that holds the lock lets the next runner proceed at once.
describe.skipIf(!server)('lock held by a process that is killed', () => {
  let db: TempDatabase;
  let proc: ChildProcess | undefined;
  const adapters: PostgresAdapter[] = [];

  beforeAll(async () => {
    ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
    db = await createTempDatabase(server!, 'kill');
  });
  afterAll(async () => {
    proc?.kill('SIGKILL');
    for (const a of adapters) await a.close().catch(() => undefined);
    await db?.drop();
  });

  it('SIGKILL of the holder frees the lock at once (its last statement is waited for, not its lease); nothing of its migration is left recorded', async () => {
    // The child's step sleeps 2 s on the server: the next runner waits for that statement (it
    // keeps running after its client died), not for the 30 s lease.
    proc = spawn(process.execPath, [child, db.url, 'held_by_child', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: proc.stdout! });
    const [first] = (await once(lines, 'line')) as [string];
    const { pid } = JSON.parse(first) as { pid: number };

    const adapter = new PostgresAdapter({ url: db.url });
    adapters.push(adapter);
    await adapter.connect();
    const probe = await adapter.lock.tryAcquire({ id: 'probe', description: 'probe' }, 30_000);
    expect(probe.acquired).toBe(false);
    if (!probe.acquired) expect(probe.heldBy).toContain(`kill-test child pid ${pid}`);

    const waits: ProgressEvent[] = [];
    const engine = new MigrationEngine(adapter, { lockTimeoutMs: 60_000, leaseMs: 30_000, onProgress: (e) => void (e.type === 'lock:wait' && waits.push(e)) });
    const next = migration('after_the_kill').createCollection('after_kill', { id: 'integer' }).build();
    const running = engine.up(next);
    await new Promise((r) => setTimeout(r, 300));
    expect(waits.length).toBe(1); // it is waiting on the child

    const killedAt = Date.now();
    proc.kill('SIGKILL');
    await once(proc, 'exit');
    const result = await running;
    const waitedMs = Date.now() - killedAt;
    console.info(`next runner proceeded ${waitedMs} ms after SIGKILL (lease 30000 ms, lock timeout 60000 ms)`);
    expect(result.outcome).toBe('applied');
    // "At once": far below the 30 s lease a lease-based lock would wait out (the 2 s statement plus poll backoff).
    expect(waitedMs).toBeLessThan(15_000);
    const left = await adapter.driver.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%SELECT pg_sleep(2)%' AND state = 'active' AND pid <> pg_backend_pid()",
    );
    expect(left.rows[0]?.n).toBe(0);
    const history = await engine.getHistory();
    expect(history.map((h) => h.name)).toEqual(['after_the_kill']);
  });
});
