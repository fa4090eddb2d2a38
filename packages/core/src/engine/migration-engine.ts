import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry, HistoryRow, StepWarning } from '../adapter/history.js';
import type { LockOwner } from '../adapter/lock.js';
import { ChecksumMismatchError, FailedMigrationPendingError, InvalidArgumentError, MigrationFailedError, NotAppliedError } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';
import { compensate } from './compensate.js';
import { type PlannedSteps, previewList, previewOne } from './preview.js';
import type { EngineOptions, MigrationStatus, ProgressEvent, Recovery, RunOutcome, RunResult, UpAllOptions, UpOptions } from './engine-options.js';
import { LockGuard } from './lock-guard.js';
import { type Pending, type Prepared, precheckAll, precheckUp, prepare, resolveUp } from './prepared.js';
import { needsResolution } from './resolve.js';
import { assertReversible } from '../ops/assert-reversible.js';
import { MigrationHelpers } from '../helpers/migration-helpers.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import { makeOwner, runningEntry } from './run-context.js';
import { executeStep, runSteps, withWarnings } from './run-steps.js';
import { computeStatus, statusWithBodies } from './status.js';
import { reconcile } from './reconcile.js';
import { inApplyOrder, nextAppliedAtOf } from './apply-order.js';
import { bodiesInto, listHistoryRows, withBodies } from './history-bodies.js';
import { prepareBatch } from './prepare-batch.js';
import { isAdapter, checkEngineOptions, upOptionsOf } from './check-engine-args.js';

/** The history under the lock, in apply order: rows as listed (bodies read when needed, then kept). */
type Rows = Map<string, HistoryRow>;

/**
 * Applies, rolls back and reports migrations through an adapter. One lock per database around
 * each run; history in the database itself; validation, capability checks and compile before any IO.
 *
 * @example
 * const engine = new MigrationEngine(db.getAdapter());
 * await engine.up(usersMigration);
 * const status = await engine.getStatus({ definedMigrations: [usersMigration] });
 */
export class MigrationEngine {
  readonly #adapter: Adapter;
  readonly #options: EngineOptions;
  readonly #owner: LockOwner;
  #ready: Promise<void> | undefined;

  constructor(adapter: Adapter, options: EngineOptions = {}) {
    if (!isAdapter(adapter)) throw new InvalidArgumentError('the adapter', 'an Adapter (e.g. db.getAdapter())', adapter);
    checkEngineOptions(options ?? {});
    this.#adapter = adapter;
    this.#options = options ?? {};
    this.#owner = makeOwner(this.#options.owner);
  }

  /** Applies `m`; skips it when already applied with the same checksum; resumes it after a failure. */
  async up(m: Migration, upOptions?: UpOptions): Promise<RunResult> {
    const options = upOptionsOf(upOptions, 'up options');
    const pending = precheckUp(this.#adapter, m, this.#compileOptions);
    return this.#locked((guard, rows) => this.#up(pending, options, guard, rows));
  }

  /** Applies every migration of `ms` that is pending, in order, under one lock. */
  async upAll(ms: readonly Migration[], upOptions?: UpAllOptions): Promise<RunResult[]> {
    const options = upOptionsOf(upOptions, 'upAll options');
    const list = precheckAll(this.#adapter, ms, this.#compileOptions);
    return this.#locked(async (guard, rows) => {
      const batch = options.singleTransaction ? await prepareBatch(this.#adapter, this.#compileOptions, list, rows) : undefined;
      if (batch) return this.#upBatch(batch, guard, rows);
      const results: RunResult[] = [];
      for (const p of list) results.push(await this.#up(p, options, guard, rows));
      return results;
    });
  }

  /**
   * Rolls `m` back and removes it from history. The down that runs is the one recorded when it
   * was applied (resolved against the schema it met), so it undoes exactly what up did. `m` may be
   * the migration as written or the one in its history row.
   */
  async down(m: Migration): Promise<RunResult> {
    MigrationHelpers.assertValid(m);
    if (!needsResolution(m)) assertReversible(m); // what it records is itself: refuse before any IO
    const sum = checksumOf(m);
    return this.#locked((guard, rows) => this.#down(m.name, sum, guard, rows));
  }

  /**
   * Rolls back, newest first in apply order, every migration applied after `tag`: a failed run
   * among them is compensated (its applied steps undone), the others rolled back.
   */
  async rollbackTo(tag: string): Promise<RunResult[]> {
    if (typeof tag !== 'string' || tag === '') throw new InvalidArgumentError('the tag', 'the tag of an applied migration', tag);
    return this.#locked(async (guard, rows) => {
      const history = [...rows.values()];
      const target = history.findIndex((e) => e.tag === tag);
      if (target < 0) throw new NotAppliedError(tag, 'not in the history');
      const later = await bodiesInto(this.#adapter.history, history.slice(target + 1).reverse(), rows);
      for (const e of later) if (e.direction === 'down' || e.status === 'applied') prepare(this.#adapter, e.migration, 'down', this.#compileOptions, e.checksum);
      const results: RunResult[] = [];
      for (const e of later) {
        if (e.direction === 'up' && e.status !== 'applied') results.push(await this.#compensate(await this.#reconcile(e, rows, 'compensate'), guard, rows));
        else results.push(await this.#down(e.name, e.checksum, guard, rows));
      }
      return results;
    });
  }

  /** Undoes the applied steps of a migration recorded as failed, and removes its row. */
  async compensate(m: Migration | string): Promise<RunResult> {
    const name = typeof m === 'string' ? m : (m as Migration | undefined)?.name;
    if (typeof name !== 'string' || name === '') throw new InvalidArgumentError('the migration', 'a migration or its name', m);
    return this.#locked(async (guard, rows) => {
      const row = rows.get(name);
      if (!row || row.status === 'applied' || row.direction !== 'up') throw new NotAppliedError(name, row ? 'not a failed run' : 'not in the history');
      const [entry] = await bodiesInto(this.#adapter.history, [row], rows);
      return this.#compensate(await this.#reconcile(entry as HistoryEntry, rows, 'compensate'), guard, rows);
    });
  }

  /** Every history row, in the order recorded. Each carries its full migration. */
  async getHistory(): Promise<HistoryEntry[]> {
    await this.#ensure();
    return inApplyOrder(await this.#adapter.history.list());
  }

  /**
   * Every history row in the order recorded, without the migration bodies where the adapter can
   * leave them out (`HistoryStore.listRows`); `loadMigrations` adds those of the rows that need them.
   * @example const failed = (await engine.getHistoryRows()).filter((r) => r.status === 'failed');
   */
  async getHistoryRows(): Promise<HistoryRow[]> {
    await this.#ensure();
    return inApplyOrder(await listHistoryRows(this.#adapter.history));
  }

  /**
   * `rows` (from getHistoryRows) with their migrations, in the same order, read in one call.
   * A row removed since it was listed is a NotAppliedError.
   * @example const [entry] = await engine.loadMigrations([row]); await engine.down(entry.migration);
   */
  async loadMigrations(rows: readonly HistoryRow[]): Promise<HistoryEntry[]> {
    if (!Array.isArray(rows)) throw new InvalidArgumentError('rows', 'history rows from getHistoryRows()', rows);
    return withBodies(this.#adapter.history, rows);
  }

  /**
   * Which of `definedMigrations` are applied, pending, failed or changed since they ran. Reads the
   * rows without bodies, then the bodies of only the rows it returns (last applied, failed, unknown).
   */
  async getStatus(query: { definedMigrations: readonly Migration[] }): Promise<MigrationStatus<Migration>> {
    const defined = query?.definedMigrations;
    if (!Array.isArray(defined)) throw new InvalidArgumentError('definedMigrations', 'an array of built migrations', defined);
    return statusWithBodies(this.#adapter.history, computeStatus(defined, await this.getHistoryRows()));
  }

  /**
   * The steps `up` (or `down`) of `m` would run, reading the database but changing nothing: up
   * is resolved against the live schema as `up` would (each op's previous definition), down is
   * the one recorded when `m` was applied (or `m`'s own when it is not applied).
   * @example (await engine.preview(m)).steps.map((s) => s.summary)
   */
  async preview(m: Migration, direction: 'up' | 'down' = 'up'): Promise<PlannedSteps> {
    if (direction !== 'up' && direction !== 'down') throw new InvalidArgumentError('direction', '"up" or "down"', direction);
    // Only the row of `m` is read with its body (the rest of the history is not needed).
    return previewOne(this.#adapter, this.#compileOptions, m, direction, async () => this.loadMigrations((await this.getHistoryRows()).filter((r) => r.name === m?.name)));
  }

  /**
   * The up steps of several pending migrations, in order, reading the database but changing
   * nothing: each is resolved against the schema the earlier ones will leave (as `upAll` with
   * `singleTransaction` does). A migration with a raw op followed by an op that needs the live
   * schema is refused (as `up` refuses it); one that needs the live schema after an earlier
   * migration's raw op is returned `deferred` with no steps (the raw text may change any table:
   * `up` resolves it once the raw step ran), after the checks that do not depend on the schema.
   * @example for (const p of await engine.previewAll(pending)) console.log(p.name, p.steps.length);
   */
  async previewAll(ms: readonly Migration[]): Promise<PlannedSteps<'up'>[]> {
    return previewList(this.#adapter, this.#compileOptions, ms);
  }

  /**
   * The steps `up` (or `down`) of `m` would run, compiled without touching the database. An op
   * that needs the live schema (no previous) is refused with a ValidationError: use preview().
   */
  plan(m: Migration, direction: 'up' | 'down' = 'up'): PlannedSteps {
    if (direction !== 'up' && direction !== 'down') throw new InvalidArgumentError('direction', '"up" or "down"', direction);
    const p = prepare(this.#adapter, m, direction, this.#compileOptions);
    return { name: p.migration.name, tag: p.migration.tag, direction, steps: p.steps };
  }

  get #compileOptions() {
    return this.#options.compileOptions ?? {};
  }

  #emit = (event: ProgressEvent): void => {
    try {
      this.#options.onProgress?.(event);
    } catch {
      // A listener's bug must not break a migration.
    }
  };

  #ensure(): Promise<void> {
    this.#ready ??= this.#adapter.history.ensure().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  async #locked<T>(fn: (guard: LockGuard, rows: Rows) => Promise<T>): Promise<T> {
    await this.#ensure();
    const guard = await LockGuard.acquire(this.#adapter.lock, this.#owner, {
      timeoutMs: this.#options.lockTimeoutMs ?? 60_000,
      leaseMs: this.#options.leaseMs ?? 30_000,
      onWait: (heldBy) => this.#emit({ type: 'lock:wait', heldBy }),
    });
    try {
      const rows: Rows = new Map(inApplyOrder(await listHistoryRows(this.#adapter.history)).map((e) => [e.name, e]));
      return await fn(guard, rows);
    } finally {
      await guard.release().catch(() => undefined);
    }
  }

  /** Records a step its dead runner applied but did not record (see reconcile). */
  async #reconcile(entry: HistoryEntry, rows: Rows, purpose: Recovery): Promise<HistoryEntry> {
    const next = await reconcile(this.#adapter, entry, this.#compileOptions, this.#emit, purpose);
    rows.set(entry.name, next);
    return next;
  }

  async #up(pending: Pending, options: UpOptions, guard: LockGuard, rows: Rows): Promise<RunResult> {
    const m = pending.migration;
    const fresh = async () => resolveUp(this.#adapter, pending, this.#compileOptions, undefined, { preflight: true });
    const row = rows.get(m.name);
    if (!row) return this.#apply(await fresh(), 0, 'applied', guard, rows);
    if (row.status === 'applied' && row.direction === 'up') {
      if (row.checksum !== pending.checksum) throw new ChecksumMismatchError(m.name, row.checksum, pending.checksum);
      this.#emit({ type: 'migration:done', name: m.name, tag: row.tag, direction: 'up', outcome: 'skipped', ms: 0 });
      return { name: m.name, tag: m.tag, direction: 'up', outcome: 'skipped', stepsApplied: row.stepsTotal, stepsTotal: row.stepsTotal, durationMs: 0 };
    }
    if (row.direction === 'down') {
      throw new FailedMigrationPendingError(m.name, `has a rollback that stopped after ${row.stepsApplied} of ${row.stepsTotal} steps`, 'run down() again to finish the rollback before applying it');
    }
    // Failed, or 'running' although we hold the lock: the previous runner died.
    const [recorded] = await bodiesInto(this.#adapter.history, [row], rows);
    const entry = await this.#reconcile(recorded as HistoryEntry, rows, options.recover ?? 'resume');
    if (options.recover === 'compensate') {
      await this.#compensate(entry, guard, rows);
      return this.#apply(await fresh(), 0, 'applied', guard, rows);
    }
    // A killed run ('running') may have changed the schema in a step no effect check could see:
    // it resumes from the recorded resolution, like any resume; a failed first step starts afresh.
    if (entry.stepsApplied === 0 && (entry.status !== 'running' || entry.checksum !== pending.checksum)) return this.#apply(await fresh(), 0, 'applied', guard, rows);
    // Resume: the recorded migration is the one resolved against the schema the first run met.
    const p = entry.checksum === pending.checksum ? prepare(this.#adapter, entry.migration, 'up', this.#compileOptions, entry.checksum) : undefined;
    if (!p || entry.stepsTotal !== p.steps.length) {
      throw new FailedMigrationPendingError(
        m.name,
        `failed after ${entry.stepsApplied} of ${entry.stepsTotal} steps and has changed since, so it cannot be resumed`,
        "run up with { recover: 'compensate' } to undo the applied steps with the recorded definition, or restore the original to resume",
      );
    }
    return this.#apply(p, entry.stepsApplied, 'resumed', guard, rows, entry);
  }

  async #apply(p: Prepared, start: number, outcome: RunOutcome, guard: LockGuard, rows: Rows, previous?: HistoryEntry): Promise<RunResult> {
    const m = p.migration;
    if (start === 0 && !p.preflighted) await this.#adapter.preflight?.(p.steps, 'up'); // a refusal here leaves no row
    const started = Date.now();
    this.#emit({ type: 'migration:start', name: m.name, tag: m.tag, direction: 'up', stepsTotal: p.steps.length, resumeFrom: start });
    const running = runningEntry(m, p.checksum, 'up', p.steps.length, this.#owner, previous);
    const history = this.#adapter.history;
    // A resumed run keeps what the server said about the steps that ran before.
    const warnings: StepWarning[] = (previous?.warnings ?? []).filter((w) => w.step < start);
    await runSteps({
      adapter: this.#adapter,
      guard,
      emit: this.#emit,
      name: m.name,
      direction: 'up',
      steps: p.steps,
      startIndex: start,
      running,
      warnings,
      finish: async (session) => {
        const done = withWarnings({ ...running, status: 'applied', appliedAt: nextAppliedAtOf(rows), executionMs: Date.now() - started, stepsApplied: p.steps.length }, warnings);
        await history.save(done, session, { last: true });
        rows.delete(m.name); // re-inserted: a re-applied migration moves to where it succeeded
        rows.set(m.name, done);
      },
    });
    const ms = Date.now() - started;
    this.#emit({ type: 'migration:done', name: m.name, tag: m.tag, direction: 'up', outcome, ms });
    return result(p, outcome, p.steps.length, ms);
  }

  async #down(name: string, sum: string, guard: LockGuard, rows: Rows): Promise<RunResult> {
    const row = rows.get(name);
    if (!row) throw new NotAppliedError(name, 'not applied');
    let [entry] = (await bodiesInto(this.#adapter.history, [row], rows)) as [HistoryEntry];
    if (entry.checksum !== sum && checksumOf(entry.migration) !== sum) throw new ChecksumMismatchError(name, entry.checksum, sum);
    const p = prepare(this.#adapter, entry.migration, 'down', this.#compileOptions, entry.checksum);
    const m = p.migration;
    if (entry.direction === 'down' && entry.status !== 'applied') entry = await this.#reconcile(entry, rows, 'resume');
    if (entry.direction === 'up' && entry.status !== 'applied') {
      throw new FailedMigrationPendingError(
        m.name,
        `failed while applying (${entry.stepsApplied} of ${entry.stepsTotal} steps applied)`,
        'use compensate() to undo its applied steps, or up() to resume it',
      );
    }
    const start = entry.direction === 'down' ? entry.stepsApplied : 0;
    if (start > 0 && entry.stepsTotal !== p.steps.length)
      throw new FailedMigrationPendingError(m.name, 'has a rollback that stopped part-way and now compiles differently', 'finish it by hand and remove its row with the CLI `repair` command');
    if (start === 0) await this.#adapter.preflight?.(p.steps, 'down');
    const started = Date.now();
    this.#emit({ type: 'migration:start', name: m.name, tag: m.tag, direction: 'down', stepsTotal: p.steps.length, resumeFrom: start });
    await runSteps({
      adapter: this.#adapter,
      guard,
      emit: this.#emit,
      name: m.name,
      direction: 'down',
      steps: p.steps,
      startIndex: start,
      running: runningEntry(m, p.checksum, 'down', p.steps.length, this.#owner, entry),
      warnings: [],
      finish: async (session) => {
        await this.#adapter.history.remove(m.name, session, { last: true });
        rows.delete(m.name);
      },
    });
    const ms = Date.now() - started;
    this.#emit({ type: 'migration:done', name: m.name, tag: m.tag, direction: 'down', outcome: 'rolled_back', ms });
    return result(p, 'rolled_back', p.steps.length, ms);
  }

  async #compensate(entry: HistoryEntry, guard: LockGuard, rows: Rows): Promise<RunResult> {
    const started = Date.now();
    const undone = await compensate({ adapter: this.#adapter, guard, emit: this.#emit, entry, options: this.#compileOptions });
    rows.delete(entry.name);
    const ms = Date.now() - started;
    this.#emit({ type: 'migration:done', name: entry.name, tag: entry.tag, direction: 'down', outcome: 'compensated', ms });
    return { name: entry.name, tag: entry.tag, direction: 'down', outcome: 'compensated', stepsApplied: undone, stepsTotal: entry.stepsTotal, durationMs: ms };
  }

  async #upBatch(list: readonly Prepared[], guard: LockGuard, rows: Rows): Promise<RunResult[]> {
    const results: RunResult[] = [];
    const todo: Prepared[] = [];
    for (const p of list) {
      const e = rows.get(p.migration.name);
      if (!e) todo.push(p);
      else if (e.checksum !== p.checksum) throw new ChecksumMismatchError(p.migration.name, e.checksum, p.checksum);
      else results.push({ ...result(p, 'skipped', e.stepsTotal, 0), stepsTotal: e.stepsTotal });
    }
    let current: Prepared | undefined;
    const started = Date.now();
    const done: HistoryEntry[] = [];
    try {
      guard.assertHeld(todo[0]?.migration.name ?? 'batch');
      await this.#adapter.withSession('transaction', async (session) => {
        for (const p of todo) {
          current = p;
          const m = p.migration;
          const t0 = Date.now();
          this.#emit({ type: 'migration:start', name: m.name, tag: m.tag, direction: 'up', stepsTotal: p.steps.length, resumeFrom: 0 });
          const warnings: StepWarning[] = [];
          for (let i = 0; i < p.steps.length; i++) await executeStep({ adapter: this.#adapter, emit: this.#emit, name: m.name, steps: p.steps, warnings }, i, session);
          const base = runningEntry(m, p.checksum, 'up', p.steps.length, this.#owner);
          const entry = withWarnings({ ...base, status: 'applied', appliedAt: nextAppliedAtOf(rows), executionMs: Date.now() - t0, stepsApplied: p.steps.length }, warnings);
          done.push(entry);
          results.push(result(p, 'applied', p.steps.length, Date.now() - t0));
        }
        // The rows once every step has run, in the same order: all of them may travel with the COMMIT.
        for (const [i, entry] of done.entries()) {
          current = todo[i];
          await this.#adapter.history.save(entry, session, { last: true });
        }
      });
    } catch (error) {
      const failed = current ?? todo[0];
      if (!failed) throw error;
      const message = error instanceof Error ? error.message : String(error);
      await this.#adapter.history.save({ ...runningEntry(failed.migration, failed.checksum, 'up', failed.steps.length, this.#owner), status: 'failed', error: message }).catch(() => undefined);
      throw new MigrationFailedError(failed.migration.name, 'up', 0, failed.steps.length, true, error);
    }
    for (const e of done) {
      rows.set(e.name, e);
      this.#emit({ type: 'migration:done', name: e.name, tag: e.tag, direction: 'up', outcome: 'applied', ms: Date.now() - started });
    }
    return results;
  }
}

function result(p: Prepared, outcome: RunOutcome, stepsApplied: number, durationMs: number): RunResult {
  return { name: p.migration.name, tag: p.migration.tag, direction: p.direction, outcome, stepsApplied, stepsTotal: p.steps.length, durationMs };
}
