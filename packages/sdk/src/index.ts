export * from '@ductape/core';
export { DatabaseService, type ConnectOptions, type DatabaseServiceOptions } from './database-service.js';
export type { SchemaApi, SchemaContext } from './schema/schema-api.js';
export type { CreateIndexOptions, CreateOptions, DestructiveOptions, DropOptions, SchemaResult } from './schema/schema-types.js';
export type { ConnectionConfig, DatabaseConfig, DuctapeConfig } from './config/config-types.js';
export { envVariableNames } from './config/env-variables.js';
export { PROTECTED_ENVIRONMENTS } from './schema/production-guard.js';
export { AdapterNotInstalledError, AlreadyExistsError, ConfigError, ConfirmationRequiredError, NotConnectedError, NotFoundError } from './errors.js';
