// One `up` or `down` at a time per machine: a second invocation (another terminal, a
// parallel `pnpm test`) waits, then finds the servers already running.
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stateDir } from './paths.mjs';
import { processStartTime } from './processes.mjs';

function lockFile() {
  return join(stateDir(), 'command.lock');
}

/** True when the lock's owner is gone (crashed or killed): the lock may be taken over. */
function isStale() {
  try {
    const { pid, startTime } = JSON.parse(readFileSync(lockFile(), 'utf8'));
    return processStartTime(pid) !== startTime;
  } catch {
    return true; // unreadable or half-written: treat as stale after a grace period
  }
}

/**
 * Runs fn while holding the machine-wide services lock.
 * @template T
 * @param {() => Promise<T>} fn
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function withCommandLock(fn, { timeoutMs = 15 * 60_000 } = {}) {
  mkdirSync(stateDir(), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile(), 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) }));
      closeSync(fd);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      if (isStale()) {
        await sleep(100);
        if (isStale()) rmSync(lockFile(), { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another services command still holds ${lockFile()}`);
      if (!told) console.log('waiting for another services:up/down to finish…');
      told = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile(), { force: true });
  }
}
