import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isSelfContained } from '../../src/project/checksum-cache.js';
import { TempProject } from '../support/cli.js';

const T1 = '20240801_000000_create_items';
const T2 = '20240802_000000_add_label';
const T3 = '20240803_000000_add_code';

type CacheDoc = { files: Record<string, { checksum: string; stat?: string }> };

describe('the checksum cache (.ductape/cli-cache.json) never hides an edited migration', () => {
  const p = new TempProject('cache');
  const cacheFile = join(p.dir, '.ductape', 'cli-cache.json');
  const cache = () => JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheDoc;
  p.migration(T1, ".createCollection('items', { id: { type: 'integer', primaryKey: true } })");
  const f2 = p.migration(T2, ".addField('items', 'label', { type: 'string', length: 20 })");
  p.write('migrations/shared/sizes.mjs', 'export const CODE_LENGTH = 8;\n');
  p.write(
    'migrations/' + T3 + '.mjs',
    `import { migration } from '@ductape/sdk';\nimport { CODE_LENGTH } from './shared/sizes.mjs';\n\nexport default migration('add_code').tag('${T3}').addField('items', 'code', { type: 'string', length: CODE_LENGTH }).build();\n`,
  );

  it('caches self-contained files by content (and, once they are not racily new, by stat)', async () => {
    // Older than the 2 s "racily clean" window, so the next run records stat keys too.
    await sleep(2100);
    const up = await p.run(['up', '--json']);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({ applied: 3 });
    const files = cache().files;
    expect(Object.keys(files).sort()).toEqual([`${T1}.mjs`, `${T2}.mjs`]);
    expect(files[`${T2}.mjs`]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(files[`${T2}.mjs`]?.stat).toBeDefined();
    const again = await p.run(['status', '--json']);
    expect(again.json()).toMatchObject({ upToDate: true, applied: 3 });
  });

  it('an edit of the same size with the mtime put back is still a checksum mismatch (warm cache)', async () => {
    const before = statSync(f2);
    const text = readFileSync(f2, 'utf8');
    p.write(`migrations/${T2}.mjs`, text.replace('length: 20', 'length: 40'));
    try {
      utimesSync(f2, before.atime, before.mtime);
      expect(statSync(f2).size).toBe(before.size);
      const s = await p.run(['status', '--json']);
      expect(s.json()).toMatchObject({
        changed: 1,
        migrations: [
          { tag: T1, state: 'applied' },
          { tag: T2, state: 'changed' },
          { tag: T3, state: 'applied' },
        ],
      });
      expect(s.code).toBe(3);
      const up = await p.run(['up', '--json']);
      expect(up.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_CHECKSUM_MISMATCH' } });
      expect(up.code).toBe(1);
    } finally {
      // Put back (also when an assertion failed, so the next tests start from the applied state).
      p.write(`migrations/${T2}.mjs`, text);
    }
    expect((await p.run(['status', '--json'])).json()).toMatchObject({ upToDate: true });
  });

  it('a file importing a helper is never cached, so a change in the helper is caught', async () => {
    p.write('migrations/shared/sizes.mjs', 'export const CODE_LENGTH = 12;\n');
    const s = await p.run(['status', '--json']);
    expect(s.code).toBe(3);
    expect(s.json()).toMatchObject({ changed: 1, migrations: [{ state: 'applied' }, { state: 'applied' }, { tag: T3, state: 'changed' }] });
    expect(Object.keys(cache().files)).not.toContain(`${T3}.mjs`);
  });

  it('DUCTAPE_NO_CACHE=1 imports every file, with the same answer', async () => {
    p.write('migrations/shared/sizes.mjs', 'export const CODE_LENGTH = 8;\n');
    const s = await p.run(['status', '--json'], { DUCTAPE_NO_CACHE: '1' });
    expect(s.code).toBe(0);
    expect(s.json()).toMatchObject({ upToDate: true, applied: 3 });
  });
});

describe('isSelfContained', () => {
  const head = "import { migration } from '@ductape/sdk';\n";
  it('accepts a file importing only the sdk, and refuses other imports and ambient reads', () => {
    expect(isSelfContained(`${head}export default migration('a').createCollection('t', { id: 'integer' }).build();\n`)).toBe(true);
    expect(isSelfContained(`${head}import { n } from './n.mjs';\nexport default migration('a').build();`)).toBe(false);
    expect(isSelfContained(`${head}import './side-effect.mjs';\nexport default migration('a').build();`)).toBe(false);
    expect(isSelfContained(`${head}export * from './other.mjs';`)).toBe(false);
    expect(isSelfContained(`${head}const m = await import('./x.mjs');`)).toBe(false);
    expect(isSelfContained(`${head}export default migration(process.env.NAME).build();`)).toBe(false);
    expect(isSelfContained(`${head}export default migration('a_' + Date.now()).build();`)).toBe(false);
    expect(isSelfContained(`const { migration } = require('@ductape/sdk');`)).toBe(false);
  });
});
