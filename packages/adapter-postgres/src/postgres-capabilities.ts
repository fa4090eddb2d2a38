import { type Capabilities, baseCapabilities } from '@ductape/core';
import { POSTGRES_RAW_DIALECTS } from './postgres-compiler.js';

/**
 * What PostgreSQL can do: transactional DDL, every rename, constraints and partial indexes.
 * Indexes build CONCURRENTLY on a server (`server` true), not on PGlite (one session).
 * @example postgresCapabilities(true).concurrentIndex // true
 */
export function postgresCapabilities(server: boolean): Capabilities {
  return {
    ...baseCapabilities(),
    transactionalDdl: true,
    renameField: true,
    renameCollection: true,
    modifyField: true,
    dropField: true,
    foreignKeys: true,
    checkConstraints: true,
    uniqueConstraints: true,
    partialIndexes: true,
    concurrentIndex: server,
    rawDialects: POSTGRES_RAW_DIALECTS,
  };
}
