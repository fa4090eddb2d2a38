import type { LintRule } from './lint-types.js';

const RAW_INDEX = /\bcreate\s+(unique\s+)?index\s+(?!concurrently\b)/i;

/**
 * An index built with writes blocked on a table that may be large: `concurrently: false` on an
 * existing table, or raw PostgreSQL `CREATE INDEX` without CONCURRENTLY (a raw statement of another
 * dialect is not PostgreSQL's to advise). (Left unset, adapters choose
 * the non-blocking build where the database has one.)
 */
export const indexRule: LintRule = {
  id: 'index-not-concurrent',
  description: 'an index build that blocks writes on an existing table',
  check: ({ op, newTable }) => {
    if (op.type === 'createIndex' && !newTable && op.concurrently === false) {
      return [
        {
          severity: 'error',
          message: `builds index "${op.name}" on "${op.collection}" with concurrently: false, blocking writes for the whole build`,
          hint: 'leave concurrently unset (the adapter builds without blocking where it can) or set it to true',
        },
      ];
    }
    // CONCURRENTLY is PostgreSQL's: raw CQL (a Cassandra SAI index), MySQL or PartiQL text is not told to use it.
    if (op.type === 'raw' && op.dialect === 'postgresql' && typeof op.sql === 'string' && RAW_INDEX.test(op.sql)) {
      return [
        {
          severity: 'error',
          message: 'raw SQL builds an index without CONCURRENTLY, blocking writes for the whole build',
          hint: 'write CREATE INDEX CONCURRENTLY (it runs outside the transaction), or use createIndex',
        },
      ];
    }
    return [];
  },
};
