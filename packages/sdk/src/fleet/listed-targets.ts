import { redactSecrets } from '@ductape/core';
import { ConfigError } from '../errors.js';
import type { FleetTarget } from './fleet-target.js';
import type { ResolvedFleet } from './resolve-fleet.js';

/**
 * Calls a config's targets function (`environments.<env>.targets: ({ fleet, env }) => [...]`) once
 * and checks what it returned as a targets list is checked (ConfigValidationError naming each bad
 * entry); a function that throws is a ConfigError. Nothing is migrated before this returns.
 * @example const targets = await listedTargets(resolved, 'tenants', 'prd');
 */
export async function listedTargets(resolved: Extract<ResolvedFleet, { kind: 'function' }>, fleet: string, env: string): Promise<readonly FleetTarget[]> {
  let value: unknown;
  try {
    value = await resolved.list({ fleet, env });
  } catch (error) {
    throw new ConfigError(
      `${resolved.where}.targets() threw: ${redactSecrets(error instanceof Error ? error.message : String(error))}`,
      'fix the targets function of the config; nothing was migrated',
    );
  }
  return resolved.resolve(value);
}
