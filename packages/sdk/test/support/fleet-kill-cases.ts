import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type FleetConfig, type FleetEvent, type FleetSummary } from '../../src/index.js';
import { tenantMigrations } from './fleet.js';
import { type FleetRunnerProcess, type FleetRunnerSpec, runFleetRunner, startFleetRunner } from './fleet-runner-process.js';

/** The history every healthy tenant ends with: one row per migration, each applied. */
export const UP_TO_DATE = ['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied'];

/** One kind of fleet on one server, read and changed directly (its own driver, not our API). */
export interface FleetKillBackend {
  /** e.g. "MariaDB databases". */
  readonly label: string;
  /** Makes the targets: every one has table "legacy" except `broken`. Returns the fleet's config (env "dev", targets named as in `targets`). */
  setup(): Promise<{ fleet: FleetConfig; targets: readonly string[]; broken: string }>;
  /** The target's history rows read from its history table or collection: "name:status" per row, sorted. */
  history(target: string): Promise<string[]>;
  /** The target's migration locks held now, each described by its holder; an expired lease is not held. */
  heldLocks(target: string): Promise<string[]>;
  /** Gives the broken target its "legacy" table. */
  fix(target: string): Promise<void>;
  teardown(): Promise<void>;
}

/** Settings of the scenario (defaults: concurrency 2, kill after runner A's third target-start). */
export interface FleetKillOptions {
  readonly concurrency?: number;
  /** Runner A is SIGKILLed once it has printed this many target-start events. */
  readonly killAfterStarts?: number;
  /** Time for the whole scenario (default 600 s; every wait in it is an end state, not a time). */
  readonly timeoutMs?: number;
}

/**
 * Issue 20's acceptance on one backend: runners A and B start on the same fleet; A is SIGKILLed
 * once its events show it mid-fleet, and runner C is started (the restart) while B runs. Afterwards
 * every healthy target is up to date with one history row per migration, no lock is held (but a
 * lease of the killed runner, which ends with its TTL), the broken target is reported by B/C and by
 * `status`, and a run after its fix completes it and changes nothing else.
 * @example fleetKillCases(backend, { concurrency: 2 });
 */
export function fleetKillCases(backend: FleetKillBackend | undefined, options: FleetKillOptions = {}): void {
  const concurrency = options.concurrency ?? 2;
  const killAfter = options.killAfterStarts ?? 3;
  describe.skipIf(!backend)(`a fleet of ${backend?.label ?? 'targets'}: two runners, one SIGKILLed mid-fleet and restarted (server)`, () => {
    const b = backend as FleetKillBackend;
    let fleet: FleetConfig;
    let targets: readonly string[];
    let broken: string;
    beforeAll(async () => {
      ({ fleet, targets, broken } = await b.setup());
    }, 600_000);
    afterAll(() => b?.teardown(), 300_000);

    // The sdk's default lock wait (60 s) on the end-of-run retry: longer than a killed runner's lease (30 s).
    const spec = (owner: string): FleetRunnerSpec => ({ fleet, concurrency, owner });
    const status = () => new DatabaseService({ config: { products: {}, fleets: { tenants: fleet } }, vars: {} }).fleet('tenants').status({ env: 'dev', migrations: tenantMigrations() });
    /** Every target's locks held by anyone but the killed runner (whose lease, if any, ends with its TTL). */
    const locksHeld = async (killedPid: number) => {
      const held: string[] = [];
      for (const t of targets) for (const h of await b.heldLocks(t)) if (!h.includes(`runner-a pid ${killedPid}`)) held.push(`${t}: ${h}`);
      return held;
    };
    /**
     * A target runner `r` is migrating now: started and not ended in its events, its lock held by
     * `owner` and its history not yet complete (read from the database). Polled until seen; rejects
     * if the runner ends first.
     */
    const midMigration = async (r: FleetRunnerProcess, owner: string): Promise<string> => {
      let ended = false;
      void r.exit.then(() => {
        ended = true;
      });
      while (!ended) {
        for (const t of inFlightTargets(r.events)) {
          if (!(await b.heldLocks(t)).some((h) => h.includes(owner))) continue;
          const history = await b.history(t).catch(() => []); // no history table yet
          if (history.join() !== UP_TO_DATE.join()) return t;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`the runner ended before it was seen migrating a target:\n${(await r.exit).output}`);
    };
    const expectReported = (summary: FleetSummary) => {
      expect(summary.notStarted).toEqual([]);
      expect(summary.skipped).toEqual([]);
      expect(summary.failed.filter((f) => f.target !== broken)).toEqual([]);
      expect(summary.failed.map((f) => f.target)).toEqual([broken]);
      expect(summary.failed[0]?.code).toMatch(/^DUCTAPE_/);
      for (const row of summary.rows) if (row.target !== broken) expect(['applied', 'up-to-date']).toContain(row.state);
    };

    it(
      'every other target ends up to date exactly once, no lock is left held, the failed one is reported and completes once fixed',
      async () => {
        const a = startFleetRunner(spec('runner-a'));
        const runnerB = startFleetRunner(spec('runner-b'));
        // Evidence that A is mid-fleet: it has started `killAfter` targets (finished at least one),
        // and holds the lock of one whose migrations are not all applied yet, read from the database.
        await a.startedTargets(killAfter);
        const holding = await midMigration(a, `runner-a pid ${a.pid}`);
        a.child.kill('SIGKILL');
        const killed = await a.exit;
        expect(killed.signal).toBe('SIGKILL');
        expect(killed.summary).toBeUndefined();
        const runnerC = startFleetRunner(spec('runner-c')); // the restart, while B still runs
        const [bExit, cExit] = await Promise.all([runnerB.exit, runnerC.exit]);
        for (const r of [bExit, cExit]) {
          expect(r.summary, r.output).toBeDefined();
          expectReported(r.summary as FleetSummary);
        }

        // Read directly: one history row per migration, each applied, on every healthy target.
        expect(targets).toContain(holding);
        for (const t of targets) expect(await b.history(t), t).toEqual(t === broken ? ['add_legacy_note:failed', 'add_phone:applied', 'create_users:applied'] : UP_TO_DATE);
        expect(await locksHeld(a.pid)).toEqual([]);

        // status reports the failed one, resumable.
        const s = await status();
        expect(s.groups.map((g) => ({ state: g.state, count: g.count, detail: g.detail, targets: g.state === 'failed' ? g.targets : [] }))).toEqual([
          { state: 'up-to-date', count: targets.length - 1, detail: [], targets: [] },
          { state: 'failed', count: 1, detail: ['add_legacy_note'], targets: [broken] },
        ]);

        // Fixed, a run completes it and does nothing anywhere else.
        await b.fix(broken);
        const again = await runFleetRunner(spec('runner-d'));
        expect(again).toMatchObject({ applied: 1, done: 1, upToDate: targets.length - 1, failed: [], skipped: [], notStarted: [] });
        for (const t of targets) expect(await b.history(t), t).toEqual(UP_TO_DATE);
        expect((await status()).groups.map((g) => [g.state, g.count])).toEqual([['up-to-date', targets.length]]);
        expect(await locksHeld(a.pid)).toEqual([]);
      },
      options.timeoutMs ?? 600_000,
    );
  });
}

/** Targets whose last event is a target-start: the runner is on them now. */
function inFlightTargets(events: readonly FleetEvent[]): string[] {
  const last = new Map<string, FleetEvent['type']>();
  for (const e of events) last.set(e.target, e.type);
  return [...last].filter(([, type]) => type === 'target-start').map(([t]) => t);
}
