// Detached server processes: start with output to a log file, recognise them by pid and
// start time, stop the whole process group, measure RSS.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Field 22 of /proc/<pid>/stat (start time in clock ticks); undefined when gone or a zombie.
 * @param {number} pid
 */
export function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return undefined;
    return fields[19];
  } catch {
    return undefined;
  }
}

/** @param {{ pid?: number, startTime?: string }} proc */
export function isAlive(proc) {
  return proc.pid !== undefined && processStartTime(proc.pid) === proc.startTime;
}

/**
 * Live pids of a server: its process group (pgid = the leader's pid) plus every
 * descendant of the leader (PostgreSQL's backends call setsid and leave the group).
 * @param {number} pgid
 */
export function groupMembers(pgid) {
  /** @type {Map<number, { ppid: number, pgrp: number }>} */
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') table.set(Number(entry), { ppid: Number(fields[1]), pgrp: Number(fields[2]) });
    } catch {
      // the process ended while we read
    }
  }
  const members = new Set([...table].filter(([, p]) => p.pgrp === pgid).map(([pid]) => pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of table) {
      if (!members.has(pid) && (p.ppid === pgid || members.has(p.ppid))) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return [...members];
}

/** Resident memory in KiB of a server and its children. @param {number} pgid */
export function groupRssKiB(pgid) {
  let total = 0;
  for (const pid of groupMembers(pgid)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) : 0;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * Starts a long-running server in its own process group, stdout and stderr appended to
 * logFile. `exited` resolves if it dies while we are still waiting for its health check.
 *
 * @param {{ command: string, args: string[], logFile: string, cwd?: string,
 *   env?: NodeJS.ProcessEnv, uid?: number, gid?: number }} options
 */
export function startDetached({ command, args, logFile, cwd, env, uid, gid }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(uid === undefined ? {} : { uid }),
      ...(gid === undefined ? {} : { gid }),
    });
    /** @type {Promise<string>} */
    const exited = new Promise((resolve) => {
      child.once('error', (error) => resolve(`could not start ${command}: ${error.message}`));
      child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    });
    child.unref();
    const pid = child.pid;
    return { pid, startTime: pid === undefined ? undefined : processStartTime(pid), exited };
  } finally {
    closeSync(fd);
  }
}

/**
 * Stops a server started by startDetached: signal the leader, wait for the whole group to
 * end, SIGKILL the group after timeoutMs. Returns the pids that had to be killed.
 *
 * @param {{ pid?: number, startTime?: string, stopSignal?: NodeJS.Signals }} proc
 * @param {number} [timeoutMs]
 */
export async function stopProcessGroup(proc, timeoutMs = 20_000) {
  const pgid = proc.pid;
  if (pgid === undefined) return [];
  // A leader that is gone (or a pid now used by another program) is left alone: our
  // servers' children end with their leader, and a reused pid must never be signalled.
  if (!isAlive(proc)) return [];
  try {
    process.kill(pgid, proc.stopSignal ?? 'SIGTERM');
  } catch {
    return [];
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (groupMembers(pgid).length === 0) return [];
    await sleep(200);
  }
  const left = groupMembers(pgid);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  return left;
}
