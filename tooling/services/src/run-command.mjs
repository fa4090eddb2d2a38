// Runs a setup command (apt-get, mvn, go, initdb) to completion, its output appended to a
// log file, failing with a message that names the command and the log.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ logFile: string, cwd?: string, env?: NodeJS.ProcessEnv, uid?: number,
 *   gid?: number, timeoutMs?: number }} options
 * @returns {Promise<void>}
 */
export function runCommand(command, args, { logFile, cwd, env, uid, gid, timeoutMs = 15 * 60_000 }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  writeSync(fd, `\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', fd, fd],
      ...(uid === undefined ? {} : { uid }),
      ...(gid === undefined ? {} : { gid }),
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const done = (/** @type {Error | undefined} */ error) => {
      clearTimeout(timer);
      closeSync(fd);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) => done(new Error(`${command}: ${error.message} (log: ${logFile})`)));
    child.once('exit', (code, signal) => {
      if (code === 0) done(undefined);
      else done(new Error(`\`${command} ${args.join(' ')}\` failed with ${signal ?? `exit code ${code}`} (log: ${logFile})`));
    });
  });
}

/**
 * Runs a command and returns its stdout (for version and path queries).
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<string>}
 */
export function captureCommand(command, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')}: exit ${code}: ${err.trim()}`))));
  });
}
