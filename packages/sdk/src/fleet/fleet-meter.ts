/** The pace of a run so far: migrations applied, migrations per second and the estimated time left. */
export interface FleetPace {
  /** Migrations applied (or resumed) by this run so far, over every target. */
  readonly applied: number;
  /** `applied` per second of the run so far (0 before any time has passed). */
  readonly migrationsPerSecond: number;
  /**
   * Estimated milliseconds until every target is finished: the targets still to finish (running
   * and left) times the run's time per finished target so far (concurrency included). Undefined
   * until a first target finished.
   */
  readonly etaMs: number | undefined;
}

/**
 * Measures a fleet run's pace from a clock (`now`, injectable for tests): migrations applied per
 * second since the start, and an ETA from the time per finished target so far.
 * @example
 * const meter = new FleetMeter(() => Date.now());
 * meter.add(3);
 * meter.pace({ done: 1, failed: 0, running: 4, left: 15 }) // { applied: 3, migrationsPerSecond: …, etaMs: … }
 */
export class FleetMeter {
  readonly #now: () => number;
  readonly #started: number;
  #applied = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
    this.#started = now();
  }

  /** Milliseconds since the meter was made. */
  get elapsedMs(): number {
    return Math.max(0, this.#now() - this.#started);
  }

  /** Counts migrations applied (or resumed) on a target. */
  add(applied: number): void {
    this.#applied += applied;
  }

  /** The pace now, given the run's target counts (finished = done + failed; to finish = running + left). */
  pace(counts: { readonly done: number; readonly failed: number; readonly running: number; readonly left: number }): FleetPace {
    const ms = this.elapsedMs;
    const finished = counts.done + counts.failed;
    const toFinish = counts.running + counts.left;
    return {
      applied: this.#applied,
      migrationsPerSecond: ms > 0 ? round2((this.#applied * 1000) / ms) : 0,
      etaMs: finished === 0 ? undefined : Math.round((ms / finished) * toFinish),
    };
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
