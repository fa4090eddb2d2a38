import { type Adapter, type Migration, loadAdapter, migration } from '@ductape/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LintFinding, lintMigrations } from '../../src/lint/lint.js';
import { TempProject } from '../support/cli.js';

// Issue 24: lint flags what cannot be rolled back (all databases), index keys MySQL/MariaDB cannot
// hold as written, and downs whose order MySQL/MariaDB refuse — the last two only for that dialect.
const brief = (f: readonly LintFinding[]) => f.map((x) => [x.rule, x.severity, x.tag.replace(/^\d{8}_\d{6}_/, ''), x.part === 'down' ? `down ${x.op}` : x.op]);

describe('irreversible (every dialect)', () => {
  it('a raw operation without down is flagged; one with down is not', () => {
    const m = migration('raw_nodown').tag('20240101_000000_raw_nodown').raw('postgresql', 'UPDATE users SET n = 1').raw('postgresql', 'SELECT 1', { down: 'SELECT 2' }).build();
    const found = lintMigrations([m]).filter((f) => f.rule === 'irreversible');
    expect(brief(found)).toEqual([['irreversible', 'error', 'raw_nodown', 1]]);
    expect(found[0]?.message).toContain('DUCTAPE_IRREVERSIBLE');
  });

  it('a drop or change without previous is not flagged: the engine reads it from the database when it applies the migration', () => {
    const m = migration('drops').dropField('users', 'nick').dropCollection('old').modifyField('users', 'bio', { length: 100 }).dropIndex('users', 'ix').build();
    expect(m.irreversible).toBeDefined(); // as built; lifted by the engine's resolution
    expect(lintMigrations([m]).filter((f) => f.rule === 'irreversible')).toEqual([]);
  });

  it('an op needing the live schema after a raw op of the same migration is flagged (up refuses it: unresolvable_after_raw)', () => {
    const m = migration('raw_then_drop')
      .tag('20240101_000000_raw_then_drop')
      .raw('postgresql', 'ALTER TABLE users ADD x int', { down: 'ALTER TABLE users DROP x' })
      .addField('users', 'y', 'string')
      .dropField('users', 'nick')
      .build();
    const found = lintMigrations([m]).filter((f) => f.rule === 'irreversible');
    expect(brief(found)).toEqual([['irreversible', 'error', 'raw_then_drop', 3]]);
    expect(found[0]?.message).toContain('after raw op 1');
    const withPrevious = migration('raw_then_drop_prev')
      .raw('postgresql', 'SELECT 1', { down: 'SELECT 1' })
      .dropField('users', 'nick', { previous: { name: 'nick', type: 'string' } })
      .build();
    expect(lintMigrations([withPrevious]).filter((f) => f.rule === 'irreversible')).toEqual([]);
  });

  it("a hand-written down is the author's; a migration declared irreversible is flagged", () => {
    const up = [{ type: 'raw', dialect: 'postgresql', sql: 'UPDATE t SET a = 1' }] as const;
    const byHand = { name: 'by_hand', tag: '20240101_000000_by_hand', up, down: [{ type: 'raw', dialect: 'postgresql', sql: 'UPDATE t SET a = 0' }] } as unknown as Migration;
    expect(lintMigrations([byHand]).filter((f) => f.rule === 'irreversible')).toEqual([]);
    const declared = { ...migration('declared').tag('20240101_000000_declared').addField('t', 'b', 'string').build(), down: [], irreversible: 'a data migration' } as Migration;
    expect(brief(lintMigrations([declared]).filter((f) => f.rule === 'irreversible'))).toEqual([['irreversible', 'error', 'declared', null]]);
  });
});

describe('MySQL/MariaDB rules (index-key-length, down-order) against the adapters, which are created but never connected', () => {
  const adapters: Record<string, Adapter> = {};
  beforeAll(async () => {
    for (const name of ['mariadb', 'mysql']) {
      adapters[name] = await loadAdapter(`@ductape/adapter-${name}`, { env: 'dev', product: 'p', database: 'd', connection: `${name}://root@127.0.0.1:1/never_connected` }, process.cwd());
    }
  });
  const on = (dialect: string) => ({ dialect, adapter: adapters[dialect] });

  const posts = migration('posts')
    .tag('20240101_000000_posts')
    .createCollection('posts', { id: { type: 'integer', primaryKey: true }, title: { type: 'string', length: 1000 }, slug: { type: 'string', length: 700 }, body: 'text' })
    .build();
  const indexes = migration('posts_indexes')
    .tag('20240102_000000_posts_indexes')
    .createIndex('posts', 'ix_title', ['title'])
    .createIndex('posts', 'ux_title', ['title'], { unique: true })
    .createIndex('posts', 'ix_body', ['body'])
    .createIndex('posts', 'ix_slug', ['slug'])
    .createIndex('posts', 'ix_title_prefix', [{ name: 'title', length: 191 }])
    .build();

  it('index-key-length: varchar(1000) utf8mb4 (4000 bytes) and TEXT without a prefix, from the columns an earlier file made', () => {
    const maria = lintMigrations([posts, indexes], [], on('mariadb')).filter((f) => f.rule === 'index-key-length');
    // MariaDB makes a too-long unique key a hash ("long unique"): only ix_title and ix_body.
    expect(brief(maria)).toEqual([
      ['index-key-length', 'error', 'posts_indexes', 1],
      ['index-key-length', 'error', 'posts_indexes', 3],
    ]);
    expect(maria[0]?.message).toMatch(/column "title" of "posts" in index "ix_title".*4000 bytes.*MariaDB would not refuse it but silently index only a prefix/);
    expect(maria[0]?.hint).toContain("{ name: 'title', length: 768 }");
    expect(maria[1]?.message).toContain('TEXT can only be indexed by a prefix');
    const mysql = lintMigrations([posts, indexes], [], on('mysql')).filter((f) => f.rule === 'index-key-length');
    expect(brief(mysql).map((f) => f[3])).toEqual([1, 2, 3]);
    expect(mysql[0]?.message).toContain('MySQL refuses it (error 1071 or 1170)');
  });

  it('index-key-length: only the files chosen are reported, the earlier ones still replayed', () => {
    expect(lintMigrations([posts, indexes], [], on('mariadb'), new Set([indexes.tag])).filter((f) => f.rule === 'index-key-length')).toHaveLength(2);
  });

  const parents = migration('parents')
    .tag('20240101_000000_parents')
    .createCollection('parents', { id: { type: 'integer', primaryKey: true } })
    .build();
  const children = migration('children')
    .tag('20240102_000000_children')
    .createCollection('children', { id: { type: 'integer', primaryKey: true }, parentId: { type: 'integer', references: { table: 'parents', columns: ['id'] } }, at: 'datetime' })
    .createIndex('children', 'ix_children_parent_at', ['parentId', 'at'])
    .build();
  const keyThenIndex = migration('key_then_index')
    .tag('20240103_000000_key_then_index')
    .addField('children', 'ownerId', 'integer')
    .addConstraint('children', { type: 'foreignKey', name: 'fk_children_owner', columns: ['ownerId'], references: { table: 'parents', columns: ['id'] } })
    .createIndex('children', 'ix_children_owner_at', ['ownerId', 'at'])
    .build();
  const indexThenKey = migration('index_then_key')
    .tag('20240103_000000_index_then_key')
    .addField('children', 'ownerId', 'integer')
    .createIndex('children', 'ix_children_owner_at', ['ownerId', 'at'])
    .addConstraint('children', { type: 'foreignKey', name: 'fk_children_owner', columns: ['ownerId'], references: { table: 'parents', columns: ['id'] } })
    .build();

  it('down-order: a down that drops the index a foreign key needs before the key (errno 1553)', () => {
    const found = lintMigrations([parents, children, keyThenIndex], [], on('mariadb')).filter((f) => f.rule === 'down-order');
    expect(brief(found)).toEqual([
      // down of children: dropIndex, dropConstraint, dropCollection.
      ['down-order', 'warning', 'children', 'down 1'],
      // down of key_then_index: dropIndex, dropConstraint, dropField.
      ['down-order', 'warning', 'key_then_index', 'down 1'],
    ]);
    expect(found[1]?.message).toContain('drops index "ix_children_owner_at" of "children" before foreign key "fk_children_owner"');
    expect(found[1]?.message).toContain('errno 1553');
    expect(lintMigrations([parents, children, indexThenKey], [], on('mariadb'), new Set([indexThenKey.tag])).filter((f) => f.rule === 'down-order')).toEqual([]);
  });

  it('down-order: a hand-written down dropping a column or a table a foreign key still needs', () => {
    const bad = {
      ...keyThenIndex,
      name: 'bad_down',
      tag: '20240104_000000_bad_down',
      down: [
        { type: 'dropField', collection: 'children', field: 'ownerId' },
        { type: 'dropCollection', name: 'parents' },
      ],
    } as unknown as Migration;
    const found = lintMigrations([parents, children, bad], [], on('mysql'), new Set([bad.tag])).filter((f) => f.rule === 'down-order');
    expect(brief(found)).toEqual([
      ['down-order', 'error', 'bad_down', 'down 1'],
      ['down-order', 'error', 'bad_down', 'down 2'],
      ['down-order', 'error', 'bad_down', 'down 2'],
    ]);
    expect(found.map((f) => f.message.match(/errno [\d/]+/)?.[0])).toEqual(['errno 1553/1828/1829', 'errno 1451', 'errno 1451']);
  });

  it('neither rule runs for PostgreSQL, nor when the dialect is unknown', () => {
    for (const target of [{ dialect: 'postgres' }, {}]) {
      const found = lintMigrations([posts, indexes, parents, children, keyThenIndex], [], target).map((f) => f.rule);
      expect(found).not.toContain('index-key-length');
      expect(found).not.toContain('down-order');
    }
  });
});

describe('ductape lint picks the rules of the configured adapter (no database is touched)', () => {
  const p = new TempProject('lint-dialect');
  p.migration('20240101_000000_posts', ".createCollection('posts', { id: { type: 'integer', primaryKey: true }, body: 'text' })");
  p.migration('20240102_000000_posts_body', ".createIndex('posts', 'ix_body', ['body'])");

  it('zero config (embedded PostgreSQL): no MySQL rule, exit 0, dialect postgres', async () => {
    const r = await p.run(['lint', '--json']);
    expect(r.json()).toMatchObject({ exitCode: 0, dialect: 'postgres', notRun: [], findings: [] });
  });

  it('a MariaDB target (port 1: never connected): index-key-length, exit 3', async () => {
    p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { dev: 'mariadb://root@127.0.0.1:1/shop' } } } } } }));
    const r = await p.run(['lint']);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/error {3}index-key-length {2}20240102_000000_posts_body op 1: MySQL\/MariaDB cannot index column "body"/);
    expect(r.json).toBeDefined();
    expect((await p.run(['lint', '--json'])).json()).toMatchObject({ exitCode: 3, dialect: 'mariadb', findings: [{ rule: 'index-key-length', op: 1, collection: 'posts' }] });
    expect((await p.run(['lint', '--ignore', 'index-key-length'])).code).toBe(0);
  });

  it('a target that cannot be resolved: the dialect rules are listed as not run, the others still run', async () => {
    const r = await p.run(['lint', '--env', 'staging', '--json']);
    const doc = r.json<{ exitCode: number; dialect: null; notRun: { rule: string; reason: string }[] }>();
    expect(doc).toMatchObject({ exitCode: 0, dialect: null });
    expect(doc.notRun.map((n) => n.rule)).toEqual(['index-key-length', 'down-order', 'referenced-drop', 'enum-type-change']);
    expect(doc.notRun[0]?.reason).toContain('staging');
  });
});
