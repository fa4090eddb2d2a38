import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

const T1 = '20240301_000000_create_sessions';
const T2 = '20240302_000000_clear_tokens';
const UPDATE = "UPDATE sessions SET token = NULL WHERE token = '' AND secret = 'x'";
const API_TOKEN = 'tok_live_9f8e7d6c5b4a3210';

// Issue 16 defect 11: the key-value redaction turned `token = …` in SQL and `secret: text` in
// drift output into `***`. Only credentials are redacted now.
describe('plan and drift print SQL and schema text naming token/secret columns intact (embedded PGlite)', () => {
  const p = new TempProject('redact');
  p.migration(
    T1,
    ".createCollection('sessions', { id: { type: 'uuid', primaryKey: true }, token: { type: 'string', length: 64 }, secret: 'text' })\n  .createCollection('apiKeys', { id: { type: 'uuid', primaryKey: true }, secret: 'text' })",
  );
  p.migration(T2, `.raw('postgresql', ${JSON.stringify(UPDATE)}, { down: 'SELECT 1' })\n  .raw('postgresql', "SELECT '${API_TOKEN}' AS configured_secret", { down: 'SELECT 1' })`);
  const vars = { CLI_TEST_API_TOKEN: API_TOKEN };

  it('plan shows the SQL that runs (human and --json); a configured secret value is still removed', async () => {
    const human = await p.run(['plan'], vars);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`${UPDATE};`);
    expect(human.stdout).toContain('"token" varchar(64)');
    expect(human.stdout).toContain('"secret" text');
    expect(human.stdout).not.toContain(API_TOKEN);
    expect(human.stdout).toContain("SELECT '***' AS configured_secret");
    const json = await p.run(['plan', '--json'], vars);
    const texts = json.json<{ migrations: { steps: { text: string }[] }[] }>().migrations.flatMap((m) => m.steps.map((s) => s.text));
    expect(texts).toContain(UPDATE);
    expect(json.stdout).not.toContain(API_TOKEN);
  });

  it('drift names a changed secret column with its types', async () => {
    expect((await p.run(['up'])).code).toBe(0);
    await withPglite(join(p.dir, '.ductape', 'default', 'default'), (a) => a.query('ALTER TABLE "apiKeys" ALTER COLUMN "secret" TYPE varchar(40)'));
    const d = await p.run(['drift']);
    expect(d.code).toBe(3);
    expect(d.stdout).toMatch(/apiKeys\.secret: expected text\b.*, found string/);
    expect(d.stdout).not.toContain('***');
  });
});
