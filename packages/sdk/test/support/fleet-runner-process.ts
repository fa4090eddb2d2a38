import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FleetConfig, FleetEvent, FleetSummary } from '../../src/index.js';

const CHILD = fileURLToPath(new URL('./fleet-runner-child.mjs', import.meta.url));

/** What fleet-runner-child.mjs is told: the fleet's config and how to run it. */
export interface FleetRunnerSpec {
  readonly fleet: FleetConfig;
  readonly env?: string;
  readonly concurrency?: number;
  readonly lockTimeoutMs?: number;
  /** Names the runner's locks ("<owner> pid <pid>"), so a test can tell whose lease is left. */
  readonly owner?: string;
}

/** How a runner process ended: its summary when it finished, or the signal that ended it. */
export interface RunnerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly summary?: FleetSummary;
  /** Its stdout and stderr, for failure messages. */
  readonly output: string;
}

/** A runner process started on a fleet, with its events as they arrive. */
export interface FleetRunnerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly events: FleetEvent[];
  /** Resolves once the runner printed `count` target-start events (rejects if it exits first). */
  startedTargets(count: number): Promise<void>;
  readonly exit: Promise<RunnerExit>;
}

/**
 * Starts fleet-runner-child.mjs (the built sdk) on a fleet; its events are parsed from stdout as
 * they come, so a test can act on evidence (e.g. SIGKILL it once it has started a target).
 * @example const a = startFleetRunner({ fleet, owner: 'runner-a' }); await a.startedTargets(2); a.child.kill('SIGKILL');
 */
export function startFleetRunner(spec: FleetRunnerSpec): FleetRunnerProcess {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: FleetEvent[] = [];
  let summary: FleetSummary | undefined;
  let output = '';
  let pending = '';
  let closed = false;
  const waiters: { count: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const starts = () => events.filter((e) => e.type === 'target-start').length;
  const settle = () => {
    for (const w of waiters.splice(0)) {
      if (starts() >= w.count) w.resolve();
      else if (closed) w.reject(new Error(`runner ${child.pid} ended after ${starts()} target-start events, before ${w.count}:\n${output}`));
      else waiters.push(w);
    }
  };
  child.stdout?.on('data', (d: Buffer) => {
    output += String(d);
    pending += String(d);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parse(line);
      if (parsed?.event) events.push(parsed.event);
      if (parsed?.summary) summary = parsed.summary;
    }
    settle();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += String(d);
  });
  const exit = new Promise<RunnerExit>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      settle();
      resolve({ code, signal, ...(summary ? { summary } : {}), output });
    });
  });
  return {
    child,
    pid: child.pid as number,
    events,
    exit,
    startedTargets: (count) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ count, resolve, reject });
        settle();
      }),
  };
}

/**
 * Runs a runner to its end and returns its summary (throws with its output when it has none).
 * @example const summary = await runFleetRunner({ fleet });
 */
export async function runFleetRunner(spec: FleetRunnerSpec): Promise<FleetSummary> {
  const r = await startFleetRunner(spec).exit;
  if (!r.summary) throw new Error(`runner exited ${r.code ?? r.signal} without a summary:\n${r.output}`);
  return r.summary;
}

function parse(line: string): { event?: FleetEvent; summary?: FleetSummary } | undefined {
  try {
    return JSON.parse(line) as { event?: FleetEvent; summary?: FleetSummary };
  } catch {
    return undefined;
  }
}
