import { expect, it } from 'vitest';
import type { DatabaseService, UpdateRequest } from '../../src/index.js';

/** One database to run the db.update checks on: how to connect, add rows and read them back. */
export interface UpdateTarget {
  /** A connected service on an empty database. */
  readonly connect: () => Promise<DatabaseService>;
  /** The primary key field's name (`id`, or `_id` on MongoDB). */
  readonly key: string;
  readonly insert: (db: DatabaseService, table: string, rows: readonly { id: number; age: number; name: string }[]) => Promise<void>;
  /** Every row as `id:age:name`, in key order. */
  readonly read: (db: DatabaseService, table: string) => Promise<string[]>;
  /** A request the database itself refuses on the third row (key order), with what the typed error must say. */
  readonly refused?: { readonly request: (table: string) => UpdateRequest; readonly says: RegExp; readonly rowsBefore: number };
  /** Whether `email` is created unique (not on DynamoDB, which has no unique fields). */
  readonly uniqueEmail?: boolean;
}

let n = 0;

/**
 * Issue 16 defect 9, for one database: values and operators that do not fit the column types are
 * refused before IO with DUCTAPE_VALIDATION naming the column and what to pass; what the
 * database still refuses is DUCTAPE_DATA_UPDATE_FAILED with a hint, never the driver's error.
 */
export function updateCheckCases(target: UpdateTarget): void {
  const rows = [
    { id: 1, age: 30, name: 'ab' },
    { id: 2, age: 40, name: 'abcd' },
    { id: 3, age: 50, name: 'abcde' },
  ];
  const setup = async () => {
    const db = await target.connect();
    const table = `people_${Date.now().toString(36)}_${n++}`;
    await db.schema.create(table, {
      [target.key]: { type: 'integer', primaryKey: true },
      age: 'integer',
      name: { type: 'string', length: 5 },
      email: { type: 'string', length: 50, ...(target.uniqueEmail === false ? {} : { unique: true }) },
    });
    await target.insert(db, table, rows);
    return { db, table };
  };
  const unchanged = ['1:30:ab', '2:40:abcd', '3:50:abcde'];

  it('refuses text into an integer column before any IO, naming the column and what to pass', async () => {
    const { db, table } = await setup();
    const error = (await db.update({ table, data: { age: 'abc' } }).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(error.message).toContain('data.age: "age" is integer and "abc" is text: pass a whole number such as 42 (or null)');
    expect(await target.read(db, table)).toEqual(unchanged);
    await db.disconnect();
  });

  it('refuses $ADD on a string column before any IO', async () => {
    const { db, table } = await setup();
    const error = (await db.update({ table, data: { name: { $ADD: ['name', 1] } } }).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(error.message).toContain('$ADD works on numbers and column "name" is string(5)');
    const where = (await db.update({ table, data: { age: 1 }, where: { age: 'old' } }).catch((e: Error) => e)) as Error;
    expect(where.message).toContain('where.age: "age" is integer and "old" is text');
    expect(await target.read(db, table)).toEqual(unchanged);
    await db.update({ table, data: { age: { $ADD: ['age', 1] } } });
    expect(await target.read(db, table)).toEqual(['1:31:ab', '2:41:abcd', '3:51:abcde']);
    await db.disconnect();
  });

  if (target.refused) {
    const refused = target.refused;
    it('wraps what the database still refuses in DUCTAPE_DATA_UPDATE_FAILED with a hint and the rows already updated', async () => {
      const { db, table } = await setup();
      const error = (await db.update(refused.request(table), { batchSize: 1 }).catch((e: Error) => e)) as Error & { hint: string; rowsUpdated: number };
      expect(error).toMatchObject({ code: 'DUCTAPE_DATA_UPDATE_FAILED', name: 'DataUpdateFailedError', rowsUpdated: refused.rowsBefore });
      expect(error.message).toMatch(new RegExp(`^db\\.update of "${table}" was refused by the database: `));
      expect(error.hint, error.message).toMatch(refused.says);
      expect(error.hint).toContain(`${refused.rowsBefore} row${refused.rowsBefore === 1 ? ' was' : 's were'} updated by batches committed before the failure`);
      await db.disconnect();
    });
  }
}
