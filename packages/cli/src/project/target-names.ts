import { usageError } from '../cli/cli-error.js';
import type { Flags } from '../cli/command-types.js';
import type { CliConfig } from './project-config.js';

/** Which database a command works on. */
export interface TargetNames {
  readonly env: string;
  readonly product: string;
  readonly database: string;
}

/** Product and database names used when there is no config file at all (zero-config dev). */
export const DEFAULT_NAME = 'default';

/**
 * env, product and database from the flags, else `DUCTAPE_ENV`/`DUCTAPE_PRODUCT`/`DUCTAPE_DATABASE`,
 * else the only product/database in the config (`default` without a config); `env` defaults to dev.
 * Several candidates and no flag is a usage error that lists them.
 * @example targetNames({ env: 'staging' }, config, process.env, 'status') // { env: 'staging', product: 'my-app', database: 'main-db' }
 */
export function targetNames(flags: Flags, config: CliConfig | undefined, vars: NodeJS.ProcessEnv, command: string, envOverride?: string): TargetNames {
  const env = envOverride ?? flags.env ?? (vars.DUCTAPE_ENV || 'dev');
  const product = flags.product ?? (vars.DUCTAPE_PRODUCT || only('product', Object.keys(config?.products ?? {}), config, command));
  const databases = Object.keys(config?.products?.[product]?.databases ?? {});
  const database = flags.database ?? (vars.DUCTAPE_DATABASE || only('database', databases, config, command, product));
  return { env, product, database };
}

function only(what: 'product' | 'database', names: readonly string[], config: CliConfig | undefined, command: string, product?: string): string {
  if (!config) return DEFAULT_NAME;
  if (names.length === 1) return names[0] as string;
  const where = what === 'product' ? 'ductape.config.*' : `product "${product}" in ductape.config.*`;
  if (names.length === 0) throw usageError(`${where} has no ${what}`, `add one to ductape.config.*, or run \`ductape ${command} --${what} <name>\``);
  throw usageError(`${where} has ${names.length} ${what === 'product' ? 'products' : 'databases'} (${names.join(', ')})`, `run \`ductape ${command} --${what} <name>\``);
}
