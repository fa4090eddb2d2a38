import type { CassandraDriver, Row } from '../cassandra-driver.js';
import { qualify, quoteIdent } from '../quote.js';
import { driverValue } from './row-values.js';
import { type TableColumns, columnsTag } from './table-columns.js';

/**
 * Reads the table in pages along the ring, in the order Cassandra stores it: partitions by
 * token, rows within a partition by clustering order. A page starts after the last row of the
 * previous one: first the rest of its partition (one query per clustering column, `>` or `<` as
 * that column is ordered), then `token(pk) > token(?)`. No ALLOW FILTERING, no paging state to
 * keep: the last key is the whole position, so a resumed run continues from a saved key.
 * @example const rows = await readPage(driver, 'app', 'users', cols, ['id', 'name'], lastKey, 500)
 */
export async function readPage(
  driver: CassandraDriver,
  keyspace: string,
  table: string,
  cols: TableColumns,
  read: readonly string[],
  after: readonly unknown[] | undefined,
  limit: number,
): Promise<Row[]> {
  const select = `SELECT ${read.map((c) => quoteIdent(c)).join(', ')} FROM ${qualify(keyspace, table)}`;
  if (!after) return query(driver, `${select} LIMIT ?`, [limit], limit, cols);
  const pk = cols.partitionKey;
  const ck = cols.clustering;
  const keyParams = after.map((v, i) => driverValue((i < pk.length ? pk[i] : ck[i - pk.length])?.type ?? '', v));
  const pkParams = keyParams.slice(0, pk.length);
  const samePartition = pk.map((c) => `${quoteIdent(c.name)} = ?`);
  const rows: Row[] = [];
  for (let i = ck.length - 1; i >= 0 && rows.length < limit; i--) {
    const c = ck[i] as (typeof ck)[number];
    const prefix = ck.slice(0, i).map((p) => `${quoteIdent(p.name)} = ?`);
    const where = [...samePartition, ...prefix, `${quoteIdent(c.name)} ${c.order === 'desc' ? '<' : '>'} ?`].join(' AND ');
    rows.push(...(await query(driver, `${select} WHERE ${where} LIMIT ?`, [...pkParams, ...keyParams.slice(pk.length, pk.length + i + 1), limit - rows.length], limit, cols)));
  }
  if (rows.length < limit) {
    const token = `token(${pk.map((c) => quoteIdent(c.name)).join(', ')})`;
    rows.push(...(await query(driver, `${select} WHERE ${token} > token(${pk.map(() => '?').join(', ')}) LIMIT ?`, [...pkParams, limit - rows.length], limit, cols)));
  }
  return rows;
}

async function query(driver: CassandraDriver, text: string, params: unknown[], limit: number, cols: TableColumns): Promise<Row[]> {
  const result = await driver.client.execute(`${text}${columnsTag(cols)}`, params, { prepare: true, fetchSize: limit });
  return result.rows;
}
