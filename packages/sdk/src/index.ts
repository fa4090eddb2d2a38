export * from '@ductape/core';
export { DatabaseService, type ConnectOptions, type DatabaseServiceOptions } from './database-service.js';
export type { SchemaApi, SchemaContext } from './schema/schema-api.js';
export type { ApplyOptions, BuiltSchemaMigration, CreateIndexOptions, CreateOptions, DestructiveOptions, DropOptions, SchemaOutcome, SchemaResult } from './schema/schema-types.js';
export { nextTag } from './schema/migration-name.js';
export { intentDescription, isSchemaIntent } from './schema/intent-marker.js';
export type {
  ConnectionConfig,
  DatabaseConfig,
  DuctapeConfig,
  FleetConfig,
  FleetDiscoverConfig,
  FleetEnvironmentConfig,
  FleetTargetConfig,
  FleetTargetsFunction,
} from './config/config-types.js';
export { defineConfig } from './config/define-config.js';
export { validateConfig } from './config/validate-config.js';
export { ConfigValidationError, type ConfigIssue } from './config/config-validation-error.js';
export { envVariableNames } from './config/env-variables.js';
export {
  PROTECTED_ENVIRONMENTS,
  assertOperationsConfirmed,
  destructiveConfirmed,
  destructiveOperations,
  isProtectedEnvironment,
  productionGuard,
  type DestructiveOperation,
} from './schema/production-guard.js';
export { fieldNarrowings } from './schema/field-narrowing.js';
export { AdapterNotInstalledError, AlreadyExistsError, ConfigError, ConfirmationRequiredError, DataUpdateFailedError, NotConnectedError, NotFoundError, SchemaChangeRefusedError } from './errors.js';
// For tools such as @ductape/cli: the same config lookup and target resolution connect() uses, without connecting.
export { findConfigFile, CONFIG_FILE_NAMES } from './config/find-config.js';
export { loadConfigFile } from './config/load-config.js';
export { resolveTarget, type TargetQuery } from './config/resolve-target.js';
export type { ResolvedTarget } from './config/config-types.js';
export { loadAdapter } from './adapters/load-adapter.js';
export { Fleet, type FleetHost } from './fleet/fleet.js';
export type { FleetInspectOptions, FleetInspectRow, FleetInspection } from './fleet/fleet-inspect.js';
export type {
  FleetEvent,
  FleetPace,
  FleetProgress,
  FleetStatus,
  FleetStatusGroup,
  FleetStatusOptions,
  FleetSummary,
  FleetTargetFailure,
  FleetTargetRow,
  FleetTargetStatus,
  FleetUpOptions,
} from './fleet/fleet-types.js';
