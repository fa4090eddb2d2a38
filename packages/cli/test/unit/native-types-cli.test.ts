import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

// Issue 25 on the command line (embedded PGlite): plan shows the enum type's steps, drift compares
// an enum type, a PostgreSQL type and a generated column against the catalog, lint flags an ADD VALUE.
const CREATE = '20261201_000001_hosts';
const ADD = '20261201_000002_add_state';
const CHAIN = `.createCollection('hosts', {
    id: { type: 'integer', primaryKey: true },
    state: { type: 'enum', enumValues: ['up', 'down'], enumType: 'host_state' },
    ip: 'inet',
    name: 'text',
    doc: { type: 'tsvector', generatedAs: "to_tsvector('simple', coalesce(name, ''))" },
  })`;

describe('ductape plan, drift and lint with PostgreSQL types (PGlite)', () => {
  const p = new TempProject('native-types');
  p.migration(CREATE, CHAIN);
  p.migration(ADD, ".modifyField('hosts', 'state', { enumValues: ['up', 'down', 'draining'] })");
  const db = () => join(p.dir, '.ductape', 'default', 'default');

  it('plan shows CREATE TYPE; drift sees none after up and reports a changed enum type, a lost generation and a changed type; lint warns of the ADD VALUE', async () => {
    const plan = await p.run(['plan']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('CREATE TYPE "public"."host_state" AS ENUM');
    expect(plan.stdout).toContain('"doc" tsvector GENERATED ALWAYS AS');
    const lint = await p.run(['lint', '--json']);
    const findings = lint.json<{ findings: { rule: string; tag: string }[] }>().findings.filter((f) => f.rule === 'enum-type-change');
    expect(findings.map((f) => f.tag)).toEqual([ADD]);

    expect((await p.run(['up'])).code).toBe(0);
    const clean = await p.run(['drift']);
    expect(clean.code, `${clean.stdout}\n${clean.stderr}`).toBe(0);

    await withPglite(db(), (a) => a.query(`ALTER TYPE host_state ADD VALUE 'gone'; ALTER TABLE hosts ALTER COLUMN doc DROP EXPRESSION; ALTER TABLE hosts ALTER COLUMN ip TYPE cidr USING ip::cidr`));
    const r = await p.run(['drift', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const drifts = r.json<{ drifts: { field?: string; kind: string; expected?: string; actual?: string }[] }>().drifts;
    expect(drifts.map((d) => [d.field, d.kind])).toEqual([
      ['state', 'changed-field'],
      ['ip', 'changed-field'],
      ['doc', 'changed-field'],
    ]);
    expect(drifts[0]?.actual).toContain('values down|draining|gone|up, enum type host_state');
    expect(drifts[1]).toMatchObject({ expected: 'inet, null', actual: 'cidr, null' });
    expect(drifts[2]).toMatchObject({ expected: 'tsvector, generated, null', actual: 'tsvector, null' });
  });
});
