import type { FieldDefinition } from '@ductape/core';
import { refuse } from './refuse.js';

/**
 * Refuses field options Cassandra cannot honour at all: uniqueness (only the primary key is
 * unique, by upsert) and auto-increment (no sequences). Length, precision, NOT NULL, defaults and
 * enum values are declarations Cassandra does not store; they are kept in history (see README).
 * @example checkField({ name: 'email', type: 'string', unique: true }, 'users') // throws
 */
export function checkField(field: FieldDefinition, table: string): void {
  const where = `${table}.${field.name}`;
  if (field.unique === true && field.primaryKey !== true) refuse(`unique field "${where}"`, 'Cassandra has no unique constraints besides the primary key (writes are upserts)');
  if (field.autoIncrement === true) refuse(`auto-increment field "${where}"`, 'Cassandra has no sequences; use uuid or timeuuid keys');
}
