import { ConfigError } from '../errors.js';

/** One thing wrong in a config file: where (a dotted path), what is wrong, and what is allowed there. */
export interface ConfigIssue {
  /** Dotted path of the bad key or value, e.g. `products.my-app.databases.main-db.enviroments`. */
  readonly path: string;
  readonly problem: string;
  /** What may be written at that place instead. */
  readonly allowed: string;
}

/**
 * A config file (or object) whose shape is wrong: code `DUCTAPE_CONFIG`, every issue in the message,
 * each naming the key path and what is allowed; `issues` holds them for tools.
 * @example
 * try { await loadConfigFile('ductape.config.mjs'); } catch (e) {
 *   if (e instanceof ConfigValidationError) console.log(e.issues.map((i) => i.path)); // ['products.app.databases.main.enviroments']
 * }
 */
export class ConfigValidationError extends ConfigError {
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    const listed = issues.map((i) => `${i.path}: ${i.problem} (allowed: ${i.allowed})`).join('; ');
    super(`${source} is invalid (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}): ${listed}`, 'fix the listed keys; `defineConfig` from @ductape/sdk types the whole file');
  }
}
