import type { Capabilities } from './capabilities.js';

/**
 * Every capability off and no raw dialects: what an adapter starts from. Each adapter's
 * `<db>-capabilities.ts` spreads it and turns on what its database does, so a flag core adds
 * later is off (refused before IO) in every adapter until the adapter says otherwise.
 * @example
 * const capabilities: Capabilities = { ...baseCapabilities(), renameField: true, rawDialects: ['foo'] };
 */
export function baseCapabilities(): Capabilities {
  return {
    transactionalDdl: false,
    renameField: false,
    renameCollection: false,
    modifyField: false,
    dropField: false,
    foreignKeys: false,
    checkConstraints: false,
    uniqueConstraints: false,
    partialIndexes: false,
    concurrentIndex: false,
    rawDialects: [],
  };
}
