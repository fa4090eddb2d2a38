import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { DuctapeConfig } from '@ductape/sdk';

/** ductape.config.* as the CLI reads it: the sdk's config plus where migration files live. */
export interface CliConfig extends DuctapeConfig {
  /** Directory of migration files, relative to the config file (default `migrations`). */
  readonly migrationsDir?: string;
}

/** The project around the working directory: its config file (if any) and migrations directory. */
export interface Project {
  readonly configFile: string | undefined;
  readonly config: CliConfig | undefined;
  readonly migrationsDir: string;
}

/**
 * Finds and reads ductape.config.* from `cwd` upward with the sdk's own loader, and picks the
 * migrations directory: `--dir` (relative to cwd), else `migrationsDir` (relative to the config
 * file), else `migrations/` beside the config file (or in cwd without one).
 * @example const project = await loadProject(process.cwd(), undefined);
 */
export async function loadProject(cwd: string, dirFlag: string | undefined): Promise<Project> {
  const { findConfigFile, loadConfigFile } = await import('@ductape/sdk');
  const configFile = findConfigFile(cwd);
  const config = configFile ? ((await loadConfigFile(configFile)) as CliConfig) : undefined;
  const base = configFile ? dirname(configFile) : cwd;
  const fromConfig = typeof config?.migrationsDir === 'string' ? (isAbsolute(config.migrationsDir) ? config.migrationsDir : join(base, config.migrationsDir)) : undefined;
  const migrationsDir = dirFlag !== undefined ? resolve(cwd, dirFlag) : (fromConfig ?? join(base, 'migrations'));
  return { configFile, config, migrationsDir };
}
