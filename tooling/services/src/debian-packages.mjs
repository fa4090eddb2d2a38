// Installs missing Debian packages with apt-get, one apt-get at a time (apt holds a lock).
import { execFileSync } from 'node:child_process';
import { runCommand } from './run-command.mjs';

/** @type {Promise<unknown>} */
let queue = Promise.resolve();
let updated = false;

/** @param {string} name */
export function isDebInstalled(name) {
  try {
    const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { stdio: ['ignore', 'pipe', 'ignore'] });
    return status.toString().includes('install ok installed');
  } catch {
    return false;
  }
}

function sudoPrefix() {
  if (process.getuid?.() === 0) return [];
  return ['sudo', '-n'];
}

/**
 * Makes sure the Debian packages are installed (`apt-get update` once per run, then
 * `apt-get install -y`). Needs root or password-less sudo.
 *
 * @param {string[]} packages
 * @param {string} logFile
 */
export function ensureDebPackages(packages, logFile) {
  const run = async () => {
    const missing = packages.filter((p) => !isDebInstalled(p));
    if (missing.length === 0) return;
    const prefix = sudoPrefix();
    const exec = (/** @type {string[]} */ args) => {
      const [command, ...rest] = [...prefix, ...args];
      return runCommand(/** @type {string} */ (command), rest, {
        logFile,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    };
    try {
      if (!updated) {
        await exec(['apt-get', 'update']);
        updated = true;
      }
      await exec(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
    } catch (error) {
      throw new Error(`installing Debian packages ${missing.join(' ')} failed (needs root or password-less sudo): ${/** @type {Error} */ (error).message}`);
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
