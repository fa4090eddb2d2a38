import { migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../src/lint/lint.js';

// A rule applies only to its dialect (issue 25): PostgreSQL's CONCURRENTLY advice is for raw PostgreSQL.

const rawIndex = (dialect: string, text: string, down: string) => lintMigrations([migration(`raw_${dialect}`).raw(dialect, text, { down }).build()]).map((f) => f.rule);

describe('index-not-concurrent on raw statements', () => {
  it('gives a raw Cassandra SAI index no CONCURRENTLY advice, on any target', () => {
    const sai = "CREATE INDEX videos_by_tag ON videos (tags) USING 'StorageAttachedIndex'";
    expect(rawIndex('cassandra', sai, 'DROP INDEX videos_by_tag')).toEqual([]);
    expect(lintMigrations([migration('sai').raw('cassandra', sai, { down: 'DROP INDEX videos_by_tag' }).build()], [], { dialect: 'cassandra' })).toEqual([]);
  });

  it('gives raw MySQL and MariaDB CREATE INDEX none either (they have no CONCURRENTLY)', () => {
    expect(rawIndex('mysql', 'CREATE INDEX ix ON users (email)', 'DROP INDEX ix ON users')).toEqual([]);
    expect(rawIndex('mariadb', 'CREATE UNIQUE INDEX ix ON users (email)', 'DROP INDEX ix ON users')).toEqual([]);
  });

  it('still flags raw PostgreSQL CREATE INDEX without CONCURRENTLY', () => {
    expect(rawIndex('postgresql', 'CREATE INDEX ix ON users (email)', 'DROP INDEX ix')).toEqual(['index-not-concurrent']);
    expect(rawIndex('postgresql', 'CREATE INDEX CONCURRENTLY ix ON users (email)', 'DROP INDEX ix')).toEqual([]);
  });
});
