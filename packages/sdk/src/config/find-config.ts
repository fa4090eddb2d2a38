import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CONFIG_FILE_NAMES = ['ductape.config.ts', 'ductape.config.mjs', 'ductape.config.js', 'ductape.config.json'] as const;

/**
 * The nearest config file from `start` upward, or undefined.
 * @example findConfigFile(process.cwd()) // '/home/me/app/ductape.config.mjs'
 */
export function findConfigFile(start: string): string | undefined {
  let dir = start;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
