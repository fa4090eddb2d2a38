import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { mariadbDatabase } from '../support/mariadb-server.js';

// Issue 24: what lint's MySQL/MariaDB rules flag is what the server really does — asked directly
// (the statement as written, on a connection of the test's own), then through `ductape up`/`down`.
const server = requireServer('mariadb');

type Finding = { rule: string; severity: string; tag: string; op: number; part?: string; message: string };
const errnoOf = async (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => undefined,
    (e: { errno?: number }) => e.errno,
  );

describe.skipIf(!server)('lint on a MariaDB target: index-key-length', () => {
  const db = mariadbDatabase(server as string, 'lint_key');
  const p = new TempProject('lint-mariadb-key');
  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: db.url } } } } } }));
    p.migration('20240101_000000_posts', ".createCollection('posts', { id: { type: 'integer', primaryKey: true }, title: { type: 'string', length: 1000 }, body: 'text' })");
  });
  afterAll(() => db.drop());

  it('flags an index over varchar(1000) utf8mb4 and over TEXT without a prefix: MariaDB builds a prefix index instead (note 1071), and up refuses it', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    p.migration('20240102_000000_posts_title', ".createIndex('posts', 'ix_posts_title', ['title'])");
    p.migration('20240103_000000_posts_body', ".createIndex('posts', 'ix_posts_body', ['body'])");
    const lint = await p.run(['lint', '--json']);
    expect(lint.code).toBe(3);
    const findings = lint.json<{ dialect: string; findings: Finding[] }>();
    expect(findings.dialect).toBe('mariadb');
    expect(findings.findings.map((f) => [f.rule, f.tag])).toEqual([
      ['index-key-length', '20240102_000000_posts_title'],
      ['index-key-length', '20240103_000000_posts_body'],
    ]);

    // The statements as written: no error, a note, and an index of another key than asked.
    for (const [index, column] of [
      ['ix_posts_title', 'title'],
      ['ix_posts_body', 'body'],
    ]) {
      await db.query(`CREATE INDEX \`${index}\` ON posts (\`${column}\`)`);
      const notes = await db.query('SHOW WARNINGS');
      expect(notes).toEqual([expect.objectContaining({ Code: 1071, Message: expect.stringContaining('max key length is 3072 bytes') })]);
      const [part] = await db.query('SELECT SUB_PART AS sub FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = ?', [index]);
      expect(Number(part?.sub)).toBe(768); // 3072 bytes / 4: a prefix, not the column
      await db.query(`DROP INDEX \`${index}\` ON posts`);
    }

    // Through ductape: refused before the statement, nothing built.
    const up = await p.run(['up', '--json']);
    expect(up.code).toBe(1);
    // IndexKeyTooLongError, thrown by the step before its ALTER runs (the column is another file's), in the failed run's error.
    expect(up.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_MIGRATION_FAILED', message: expect.stringContaining('cannot index column "title" of "posts" in index "ix_posts_title"') } });
    expect(await db.query("SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'PRIMARY'")).toEqual([]);
  });
});

describe.skipIf(!server)('lint on a MariaDB target: down-order', () => {
  const db = mariadbDatabase(server as string, 'lint_down');
  const p = new TempProject('lint-mariadb-down');
  const fk = (name: string, column: string) => `{ type: 'foreignKey', name: '${name}', columns: ['${column}'], references: { table: 'parents', columns: ['id'] } }`;
  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: db.url } } } } } }));
    p.migration('20240101_000000_parents', ".createCollection('parents', { id: { type: 'integer', primaryKey: true } })");
    p.migration('20240102_000000_children', ".createCollection('children', { id: { type: 'integer', primaryKey: true }, ownerId: 'integer', guardianId: 'integer', at: 'datetime' })");
    // A down written by hand that drops the column before the foreign key that uses it.
    p.write(
      'migrations/20240103_000000_guardian.mjs',
      `export default { name: 'guardian', tag: '20240103_000000_guardian',
  up: [{ type: 'addConstraint', collection: 'children', constraint: ${fk('fk_children_guardian', 'guardianId')} }],
  down: [{ type: 'dropField', collection: 'children', field: 'guardianId', previous: { name: 'guardianId', type: 'integer' } },
    { type: 'dropConstraint', collection: 'children', name: 'fk_children_guardian', previous: ${fk('fk_children_guardian', 'guardianId')} }] };\n`,
    );
    // A foreign key, then an index that starts with its column: the derived down drops the index first.
    p.migration('20240104_000000_owner', `.addConstraint('children', ${fk('fk_children_owner', 'ownerId')})\n  .createIndex('children', 'ix_children_owner_at', ['ownerId', 'at'])`);
  });
  afterAll(() => db.drop());

  it('flags both downs; the server refuses their first statements as written (errno 1553, and 1451 for the parent table)', async () => {
    const lint = await p.run(['lint', '--json']);
    expect(lint.code).toBe(3);
    const findings = lint.json<{ findings: Finding[] }>().findings;
    expect(findings.map((f) => [f.rule, f.severity, f.tag, f.part, f.op])).toEqual([
      ['down-order', 'error', '20240103_000000_guardian', 'down', 1],
      ['down-order', 'warning', '20240104_000000_owner', 'down', 1],
    ]);
    expect(findings[0]?.message).toContain('drops column "children.guardianId" while foreign key "fk_children_guardian"');

    expect((await p.run(['up'])).code).toBe(0);
    expect(await errnoOf(db.query('ALTER TABLE children DROP INDEX ix_children_owner_at'))).toBe(1553);
    expect(await errnoOf(db.query('ALTER TABLE children DROP COLUMN guardianId'))).toBeOneOf([1553, 1828, 1829]);
    expect(await errnoOf(db.query('DROP TABLE parents'))).toBe(1451);
  });

  it('ductape down: the index before its key gets past 1553 (warning: the key is dropped, its index with it); the column before its key stops the rollback (error)', async () => {
    const indexes = async () =>
      (await db.query("SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'children' ORDER BY 1")).map((r) => r.name);
    expect(await indexes()).toEqual(['fk_children_guardian', 'ix_children_owner_at', 'PRIMARY']);
    const owner = await p.run(['down']);
    expect(owner.code, owner.stdout + owner.stderr).toBe(0);
    expect(await indexes()).toEqual(['fk_children_guardian', 'PRIMARY']);

    const guardian = await p.run(['down', '--json']);
    expect(guardian.code, guardian.stdout).toBe(1);
    expect(guardian.stdout).toContain('fk_children_guardian');
    // Nothing was dropped: the key and its column are still there.
    expect(await db.query("SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'children' AND COLUMN_NAME = 'guardianId'")).toEqual([
      { c: 'guardianId' },
    ]);
  });
});
