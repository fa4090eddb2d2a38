import { expect } from 'vitest';
import { MigrationEngine, type Migration } from '@ductape/core';
import type { PostgresAdapter } from '../../src/index.js';
import type { RunSql } from './round-trip.js';

const CONSTRAINTS = `SELECT r.relname::text AS "table", c.conname::text AS name, c.contype::text AS type, pg_get_constraintdef(c.oid) AS def
FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE n.nspname = current_schema() AND r.relname NOT LIKE '\\_ductape%' ORDER BY 1, 2`;

const INDEXES = `SELECT tablename::text AS "table", indexname::text AS name, indexdef AS def FROM pg_indexes
WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_ductape%' ORDER BY 1, 2`;

const TABLES = `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE '\\_ductape%' ORDER BY 1`;

/** The catalog of the test schema as pg_constraint and pg_indexes name it (history tables left out). */
export interface CatalogDump {
  readonly tables: Record<string, unknown>[];
  readonly constraints: Record<string, unknown>[];
  readonly indexes: Record<string, unknown>[];
}

/** The database's own description of every table of the current schema. */
export async function dumpCatalog(run: RunSql): Promise<CatalogDump> {
  return { tables: await run(TABLES), constraints: await run(CONSTRAINTS), indexes: await run(INDEXES) };
}

/** Names of the constraints of `table`, from pg_constraint, sorted. */
export async function constraintNames(run: RunSql, table: string): Promise<string[]> {
  return (await dumpCatalog(run)).constraints.filter((c) => c.table === table).map((c) => String(c.name));
}

/** Runs `m` up and expects it applied. */
export async function up(engine: MigrationEngine, m: Migration): Promise<void> {
  expect((await engine.up(m)).outcome).toBe('applied');
}

/** Runs `m` down and expects it rolled back. */
export async function down(engine: MigrationEngine, m: Migration): Promise<void> {
  expect((await engine.down(m)).outcome).toBe('rolled_back');
}

/**
 * Up `m`, `check` the catalog, down `m`: the catalog must be exactly the one before; up again
 * (a replay) must give the catalog of the first up.
 */
export async function roundTrip(adapter: PostgresAdapter, run: RunSql, m: Migration, check: () => Promise<void>): Promise<void> {
  const engine = new MigrationEngine(adapter);
  const before = await dumpCatalog(run);
  await up(engine, m);
  const afterUp = await dumpCatalog(run);
  await check();
  await down(engine, m);
  expect(await dumpCatalog(run)).toEqual(before);
  await up(engine, m);
  expect(await dumpCatalog(run)).toEqual(afterUp);
  await down(engine, m);
  expect(await dumpCatalog(run)).toEqual(before);
}
