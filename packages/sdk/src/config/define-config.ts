import type { DuctapeConfig } from './config-types.js';

/**
 * Types a `ductape.config.*` file: returns the config unchanged, so an editor completes its keys and
 * TypeScript flags a misspelt one. The loader checks the same shape at run time (ConfigValidationError).
 * @example
 * // ductape.config.ts
 * import { defineConfig } from '@ductape/sdk';
 * export const config = defineConfig({
 *   products: { 'my-app': { databases: { 'main-db': { environments: { dev: 'postgres://localhost/app', prd: '${env:APP_DATABASE_URL}' } } } } },
 * });
 */
export function defineConfig(config: DuctapeConfig): DuctapeConfig {
  return config;
}
