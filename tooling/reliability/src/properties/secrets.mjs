import { spawn } from 'node:child_process';
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

  const cliRuns = [];
  if (existsSync(CLI)) {
    for (const [kind, connection] of Object.entries(urls)) {
      if (!connection) continue;
      const dir = join(WORK_DIR, `cli-${randomBytes(4).toString('hex')}`);
      mkdirSync(join(dir, 'migrations'), { recursive: true });
      writeFileSync(
        join(dir, 'ductape.config.mjs'),
        `export const config = ${JSON.stringify({ products: { rel: { databases: { main: { adapter: ns.pkg, environments: { dev: '${env:REL_URL}' }, options: ns.options } } } } })};\n`,
      );
      for (const args of ctx.quick
        ? [['status', '--json']]
        : [
            ['status', '--json'],
            ['history', '--json'],
            ['up', '--json'],
          ]) {
        cliRuns.push(runCli(args, dir, { REL_URL: connection }, `\`ductape ${args.join(' ')}\` (${kind} URL) output`));
      }
      const bare = join(WORK_DIR, `cli-${randomBytes(4).toString('hex')}`);
      mkdirSync(bare, { recursive: true });
      cliRuns.push(runCli(['status', '--json'], bare, { DUCTAPE_DEFAULT_DEFAULT_DEV_URL: connection }, `\`ductape status --json\` with DUCTAPE_DEFAULT_DEFAULT_DEV_URL (${kind} URL)`));
    }
  }

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
    ctx.log(`${ns.key}: secrets: adapter with the ${kind} URL done after ${Date.now() - started} ms`);
    if (attempt.error) {
      counts.errorsSeen++;
      check(`the connection error (${kind} URL)`, errorTexts(attempt.error));
    }
    check(`output while using the ${kind} URL`, attempt.output);

    // The same URL through the sdk (config with ${env:…} interpolation, then env variable).
    const sdk = await captureOutput(() =>
      withTimeout(45_000, async () => {
        const db = new DatabaseService({
          cwd: PACKAGE_DIR,
          vars: { REL_URL: connection },
          config: { products: { rel: { databases: { main: { adapter: ns.pkg, environments: { prd: '${env:REL_URL}' }, options: ns.options } } } } },
        });
        await db.connect({ env: 'prd', product: 'rel', database: 'main' });
        await db.schema.create('secret_t', { id: { type: 'integer', primaryKey: true } }).catch((e) => {
          counts.errorsSeen++;
          check(`db.schema.create error (${kind})`, errorTexts(e));
        });
        await db.disconnect();
      }),
    );
    ctx.log(`${ns.key}: secrets: sdk with the ${kind} URL done after ${Date.now() - started} ms`);
    if (sdk.error) {
      counts.errorsSeen++;
      check(`DatabaseService.connect error (${kind} URL)`, errorTexts(sdk.error));
    }
    check(`output of the sdk with the ${kind} URL`, sdk.output);
  }
  // The CLI runs in child processes, started before the in-process checks so the waits overlap.
  for (const r of await Promise.all(cliRuns)) check(r.what, r.text);
  ctx.log(`${ns.key}: secrets: cli done after ${Date.now() - started} ms`);
  return {
    ok: failures.length === 0,
    counts,
    ms: Date.now() - started,
    summary: `${counts.checks} texts checked, ${counts.errorsSeen} errors seen, ${counts.leaks} leaks${existsSync(CLI) ? ' (cli included)' : ' (no cli build)'}`,
    failures,
  };
}

function failingRaw(dialect) {
  if (dialect === 'mongodb') return { reliabilityNoSuchCommand: 1 };
  if (dialect === 'dynamodb') return { command: 'DescribeTable', input: { TableName: 'rel_no_such_table_xyz' } };
  return 'SELECT * FROM rel_no_such_table_xyz';
}

function runCli(args, cwd, vars, what) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...vars, DUCTAPE_DEBUG: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ what, text });
    });
  });
}

async function withTimeout(ms, fn) {
  let timer;
  try {
    return await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
