import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';

/** The config file names looked for in each directory. TypeScript ones load through `tsx`. */
export const CONFIG_FILE_NAMES = ['ductape.config.ts', 'ductape.config.mts', 'ductape.config.cts', 'ductape.config.mjs', 'ductape.config.cjs', 'ductape.config.js', 'ductape.config.json'] as const;

/**
 * The nearest config file from `start` upward, or undefined. Two config files in the same directory
 * are a ConfigError naming both (which one wins would be a guess).
 * @example findConfigFile(process.cwd()) // '/home/me/app/ductape.config.mjs'
 */
export function findConfigFile(start: string): string | undefined {
  let dir = start;
  for (;;) {
    const found = CONFIG_FILE_NAMES.filter((name) => existsSync(join(dir, name)));
    if (found.length > 1) throw new ConfigError(`${dir} has ${found.length} config files (${found.join(', ')})`, `keep one of them; ${found[0]} is the one to keep if unsure`);
    if (found[0] !== undefined) return join(dir, found[0]);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
