import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

// status and up open the connection first and check the migration files against the checksum
// cache in slices of 250 that yield to it (issue 22). Every file is still indexed, a file that
// cannot be loaded still stops the command with its typed error, and a connection error still
// takes precedence over it.
const tag = (i: number) => `20240101_${String(1_000_000 + i).slice(1)}_m${i}`;

function project(label: string, n: number): TempProject {
  const p = new TempProject(label);
  for (let i = 0; i < n; i++) p.migration(tag(i), `.createCollection('t_${i}', { id: 'integer' })`);
  return p;
}

type StatusDoc = { total: number; applied: number; pending: number; upToDate: boolean };
type ErrorDoc = { ok: false; exitCode: number; error: { code: string; message: string } };

describe('indexing the migration files while the connection is made', () => {
  it('every file of several slices is indexed, on the first run (imports) and the next (cache)', async () => {
    const p = project('index-slices', 600);
    expect((await p.run(['baseline', tag(599)])).code).toBe(0);
    for (const run of ['first', 'cached']) {
      const doc = (await p.run(['status', '--json'])).json<StatusDoc>();
      expect(doc, run).toMatchObject({ total: 600, applied: 600, pending: 0, upToDate: true });
      const up = await p.run(['up']);
      expect(up.code, run).toBe(0);
      expect(up.stdout, run).toContain('nothing to apply: up to date');
    }
  });

  it('a file that cannot be loaded stops status and up with DUCTAPE_MIGRATION_LOAD (exit 1), also while later slices are checked', async () => {
    const p = project('index-broken', 3000);
    expect((await p.run(['status'])).code).toBe(3); // imports every file and fills the cache: all pending
    // The first file: its import fails while the cached files of the next slices are still checked
    // (once, that rejection was left unhandled and crashed the process with a stack trace).
    p.write('migrations/20231231_000000_broken.mjs', "throw new Error('broken on purpose');\n");
    for (const cmd of ['status', 'up']) {
      const r = await p.run([cmd, '--json']);
      expect(r.code, cmd).toBe(1);
      const doc = r.json<ErrorDoc>();
      expect(doc.error.code, cmd).toBe('DUCTAPE_MIGRATION_LOAD');
      expect(doc.error.message, cmd).toContain('broken on purpose');
    }
  });

  it('a connection error takes precedence over a file that cannot be loaded', async () => {
    const p = project('index-noconn', 300);
    p.write(`migrations/${tag(300)}.mjs`, "throw new Error('broken on purpose');\n");
    for (const cmd of ['status', 'up']) {
      const r = await p.run([cmd, '--json'], { DUCTAPE_DEFAULT_DEFAULT_DEV_URL: 'postgres://app@127.0.0.1:1/app' });
      const doc = r.json<ErrorDoc>();
      expect(r.code, cmd).toBe(1);
      expect(doc.error.code, cmd).toBe('DUCTAPE_CONNECTION');
    }
  });
});
