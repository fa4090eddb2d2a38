import type { Migration } from '@ductape/core';

/** The 20 migrations of the ring tests (tables t01…t10, then a column on each). */
export function clusterMigrations(): Migration[];
