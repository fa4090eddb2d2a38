import type { ProgressEvent } from '@ductape/sdk';
import type { Output } from './output.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Turns the engine's progress events into terminal output. */
export interface ProgressView {
  readonly onProgress: (event: ProgressEvent) => void;
  /** Stops the ticker and clears its line. */
  stop(): void;
}

/**
 * On a terminal: a redrawn line with a step bar, the step being run and its elapsed time (index
 * builds and validations can take minutes). Elsewhere (CI logs): one line per step started.
 * Under --json: nothing.
 * @example const view = progressView(out); new MigrationEngine(adapter, { onProgress: view.onProgress });
 */
export function progressView(out: Output): ProgressView {
  if (out.json) return { onProgress: () => undefined, stop: () => undefined };
  return out.interactive ? new Ticker(out) : { onProgress: (e) => logLine(out, e), stop: () => undefined };
}

function logLine(out: Output, e: ProgressEvent): void {
  if (e.type === 'lock:wait') out.note(`waiting for the migration lock (held by ${e.heldBy ?? 'someone'})`);
  else if (e.type === 'migration:start') out.note(`${e.direction} ${e.tag} (${e.stepsTotal} step${e.stepsTotal === 1 ? '' : 's'}${e.resumeFrom > 0 ? `, resuming at ${e.resumeFrom + 1}` : ''})`);
  else if (e.type === 'step:start') out.note(`  step ${e.index + 1}/${e.total}: ${e.summary}`);
  else if (e.type === 'step:warning') out.note(warningLine(e));
}

/** What the server warned about a step, as printed (and recorded in the history row's `warnings`). */
function warningLine(e: Extract<ProgressEvent, { type: 'step:warning' }>): string {
  return `  step ${e.index + 1}/${e.total}: ${e.summary}: the server warned: ${e.message}`;
}

class Ticker implements ProgressView {
  #timer: NodeJS.Timeout | undefined;
  #frame = 0;
  #label = '';
  #since = 0;
  #done = 0;
  #total = 0;

  constructor(private readonly out: Output) {}

  onProgress = (e: ProgressEvent): void => {
    switch (e.type) {
      case 'lock:wait':
        return this.#start(`waiting for the migration lock (held by ${e.heldBy ?? 'someone'})`, 0, 0);
      case 'migration:start':
        return this.#start(`${e.direction} ${e.tag}`, e.resumeFrom, e.stepsTotal);
      case 'step:start':
        return this.#start(`${e.summary}`, e.index, e.total);
      case 'step:done':
        this.#done = e.index + 1;
        return;
      case 'step:warning':
        // Kept on screen above the redrawn line.
        this.out.raw('\r\u001b[2K');
        this.out.note(warningLine(e));
        return;
      default:
        return this.stop();
    }
  };

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.out.raw('\r\u001b[2K');
  }

  #start(label: string, done: number, total: number): void {
    this.#label = label;
    this.#done = done;
    this.#total = total;
    this.#since = Date.now();
    this.#draw();
    this.#timer ??= setInterval(() => this.#draw(), 100);
    this.#timer.unref();
  }

  #draw(): void {
    const c = this.out.ce;
    const frame = FRAMES[this.#frame++ % FRAMES.length] ?? '';
    const bar = this.#total > 0 ? `${bar10(this.#done, this.#total)} ${this.#done}/${this.#total} ` : '';
    const seconds = ((Date.now() - this.#since) / 1000).toFixed(1);
    const width = (process.stderr.columns || 100) - 2;
    this.out.raw(`\r\u001b[2K${`${c.cyan(frame)} ${bar}${this.#label} ${c.dim(`${seconds}s`)}`.slice(0, width + 20)}`);
  }
}

function bar10(done: number, total: number): string {
  const n = Math.round((done / total) * 10);
  return `[${'#'.repeat(n)}${'-'.repeat(10 - n)}]`;
}
