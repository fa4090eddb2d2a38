import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const CHILD = fileURLToPath(new URL('./child/up-child.mjs', import.meta.url));
export const WORK_DIR = fileURLToPath(new URL('../.work/', import.meta.url));

/**
 * Starts the runner child with a spec; `onLine` receives each JSON message. Resolves the handle
 * at once; `exited` resolves to `{ code, signal, messages, stderr }`. Bounded by `timeoutMs`
 * (the child is SIGKILLed when it runs longer).
 * @example const child = spawnRunner({ mode: 'up', target, migrations }, { onLine: (m) => {} });
 * @param {object} spec
 * @param {{ onLine?: (message: any, child: import('node:child_process').ChildProcess) => void, timeoutMs?: number }} [options]
 */
export function spawnRunner(spec, options = {}) {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, `spec-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--no-warnings', CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'], cwd: fileURLToPath(new URL('..', import.meta.url)) });
  const messages = [];
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 20_000) stderr += d;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      message = { type: 'text', line };
    }
    messages.push(message);
    options.onLine?.(message, child);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(file, { force: true });
      // Let the last stdout lines arrive.
      setImmediate(() => resolve({ code, signal, messages, stderr }));
    });
  });
  return { child, exited, pid: child.pid };
}
