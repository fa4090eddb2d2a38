import type { FlagSpec } from './command-types.js';

/** Flags every command takes. */
export const COMMON_FLAGS: { readonly [name: string]: FlagSpec } = {
  env: { type: 'string', value: '<env>', description: 'environment (default: $DUCTAPE_ENV or dev)' },
  product: { type: 'string', value: '<name>', description: 'product (default: the only one in ductape.config.*)' },
  database: { type: 'string', value: '<name>', description: 'database (default: the only one of the product)' },
  dir: { type: 'string', value: '<path>', description: 'migrations directory (default: migrationsDir in ductape.config.*, else migrations/)' },
  json: { type: 'boolean', description: 'print one JSON document on stdout' },
  yes: { type: 'boolean', short: 'y', description: 'answer yes to confirmations' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};
