import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migration } from '@ductape/core';
import { DatabaseService } from '@ductape/sdk';
import { captureOutput, errorTexts } from '../capture-output.mjs';
import { openAdapter } from '../open-adapter.mjs';
import { WORK_DIR } from '../spawn-child.mjs';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../../packages/cli/dist/bin.js', import.meta.url));

/**
 * Secrets: a marker password in the connection URL (an unreachable port, and the real server,
 * which refuses or ignores it) never appears in an error (message, stack, inspect, JSON, causes),
 * in anything written to stdout/stderr/console, in the history's error column, nor in the CLI's
 * `status --json` / `history --json` output (when packages/cli is built).
 * @example const r = await secrets(ctx);
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 */
export async function secrets(ctx) {
  const { ns } = ctx;
  const marker = `MARKERpw${randomBytes(5).toString('hex')}`;
  const urls = ns.secretConnections(marker);
  const failures = [];
  const counts = { checks: 0, leaks: 0, errorsSeen: 0 };
  const started = Date.now();
  const check = (what, text) => {
    counts.checks++;
    if (text.includes(marker)) {
      counts.leaks++;
      const at = text.indexOf(marker);
      failures.push(`${what} shows the password: …${text.slice(Math.max(0, at - 120), at + 40).replaceAll(marker, '<MARKER>')}…`);
    }
  };
  await ctx.closeAdapter();

  for (const [kind, connection] of Object.entries(urls)) {
    if (!connection) continue;
    const attempt = await captureOutput(() =>
      withTimeout(45_000, async () => {
        const adapter = await openAdapter({ ...ns, connection });
        try {
          const { MigrationEngine } = await import('@ductape/core');
          const engine = new MigrationEngine(adapter, { lockTimeoutMs: 10_000, leaseMs: 3_000 });
          const failing = migration(`rel_secret_${kind}`).raw(ns.raw.dialect, failingRaw(ns.raw.dialect), { down: 'SELECT 1' }).build();
          try {
            await engine.up(failing);
          } catch (error) {
            counts.errorsSeen++;
            check(`the error of a failing migration (${kind} URL)`, errorTexts(error));
          }
          const history = await engine.getHistory().catch((e) => (check(`getHistory error (${kind})`, errorTexts(e)), []));
          check(`the history rows (${kind} URL)`, JSON.stringify(history));
        } finally {
          await adapter.close().catch((e) => check(`close error (${kind})`, errorTexts(e)));
        }
      }),
    );
    if (attempt.error) {
      counts.errorsSeen++;
      check(`the connection error (${kind} URL)`, errorTexts(attempt.error));
    }
    check(`output while using the ${kind} URL`, attempt.output);

    // The same URL through the sdk (config with ${env:…} interpolation, then env variable).
    const sdk = await captureOutput(() =>
      withTimeout(45_000, async () => {
        const db = new DatabaseService({ cwd: PACKAGE_DIR, vars: { REL_URL: connection }, config: { products: { rel: { databases: { main: { adapter: ns.pkg, environments: { prd: '${env:REL_URL}' }, options: ns.options } } } } } });
        await db.connect({ env: 'prd', product: 'rel', database: 'main' });
        await db.schema.create('secret_t', { id: { type: 'integer', primaryKey: true } }).catch((e) => {
          counts.errorsSeen++;
          check(`db.schema.create error (${kind})`, errorTexts(e));
        });
        await db.disconnect();
      }),
    );
    if (sdk.error) {
      counts.errorsSeen++;
      check(`DatabaseService.connect error (${kind} URL)`, errorTexts(sdk.error));
    }
    check(`output of the sdk with the ${kind} URL`, sdk.output);

    if (existsSync(CLI)) {
      const dir = join(WORK_DIR, `cli-${randomBytes(4).toString('hex')}`);
      mkdirSync(join(dir, 'migrations'), { recursive: true });
      writeFileSync(join(dir, 'ductape.config.mjs'), `export const config = ${JSON.stringify({ products: { rel: { databases: { main: { adapter: ns.pkg, environments: { dev: '${env:REL_URL}' }, options: ns.options } } } } })};\n`);
      for (const args of [['status', '--json'], ['history', '--json'], ['up', '--json']]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, REL_URL: connection, DUCTAPE_DEBUG: '1', NO_COLOR: '1' }, encoding: 'utf8', timeout: 90_000 });
        check(`\`ductape ${args.join(' ')}\` (${kind} URL) output`, `${r.stdout}\n${r.stderr}`);
      }
      const bare = join(WORK_DIR, `cli-${randomBytes(4).toString('hex')}`);
      mkdirSync(bare, { recursive: true });
      const r = spawnSync(process.execPath, [CLI, 'status', '--json'], { cwd: bare, env: { ...process.env, DUCTAPE_DEFAULT_DEFAULT_DEV_URL: connection, DUCTAPE_DEBUG: '1', NO_COLOR: '1' }, encoding: 'utf8', timeout: 90_000 });
      check(`\`ductape status --json\` with DUCTAPE_DEFAULT_DEFAULT_DEV_URL (${kind} URL)`, `${r.stdout}\n${r.stderr}`);
    }
  }
  return { ok: failures.length === 0, counts, ms: Date.now() - started, summary: `${counts.checks} texts checked, ${counts.errorsSeen} errors seen, ${counts.leaks} leaks${existsSync(CLI) ? ' (cli included)' : ' (no cli build)'}`, failures };
}

function failingRaw(dialect) {
  if (dialect === 'mongodb') return { reliabilityNoSuchCommand: 1 };
  if (dialect === 'dynamodb') return { command: 'DescribeTable', input: { TableName: 'rel_no_such_table_xyz' } };
  return 'SELECT * FROM rel_no_such_table_xyz';
}

async function withTimeout(ms, fn) {
  let timer;
  try {
    return await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
