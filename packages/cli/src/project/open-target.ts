import { hostname } from 'node:os';
import type { Adapter, DatabaseService, MigrationEngine, ProgressEvent } from '@ductape/sdk';
import type { CommandContext } from '../cli/command-types.js';
import { type ProgressView, progressView } from '../cli/progress.js';
import { type IndexedMigration, indexMigrations } from './index-migrations.js';
import { type Project, loadProject } from './project-config.js';
import { skipPgRuntimeProbe } from './skip-pg-probe.js';
import { type TargetNames, targetNames } from './target-names.js';

/** A connected target: the sdk's DatabaseService, its adapter and an engine reporting progress. */
export interface OpenTarget {
  readonly names: TargetNames;
  readonly project: Project;
  readonly db: DatabaseService;
  readonly adapter: Adapter;
  readonly engine: MigrationEngine;
  readonly progress: ProgressView;
  /** The engine's `migration:done` events of this run, in order (e.g. a compensation before a re-run). */
  readonly finished: Extract<ProgressEvent, { type: 'migration:done' }>[];
  close(): Promise<void>;
}

/** Names this process in lock and history rows. */
export const CLI_OWNER = `ductape cli on ${hostname()} pid ${process.pid}`;

/**
 * Connects to the command's target exactly as the library does (`new DatabaseService().connect`:
 * environment variables, then ductape.config.*, then embedded PGlite for dev).
 * @example const t = await openTarget(ctx); try { await t.engine.upAll(ms); } finally { await t.close(); }
 */
export async function openTarget(ctx: CommandContext, options: { env?: string; project?: Project } = {}): Promise<OpenTarget> {
  const project = options.project ?? (await loadProject(ctx.cwd, ctx.flags.dir));
  const names = targetNames(ctx.flags, project.config, ctx.vars, ctx.command, options.env);
  const { DatabaseService, MigrationEngine } = await import('@ductape/sdk');
  const db = new DatabaseService({ cwd: ctx.cwd, vars: ctx.vars });
  skipPgRuntimeProbe();
  await db.connect(names);
  const progress = progressView(ctx.out);
  const adapter = db.getAdapter();
  const finished: OpenTarget['finished'] = [];
  const onProgress = (e: ProgressEvent): void => {
    if (e.type === 'migration:done') finished.push(e);
    progress.onProgress(e);
  };
  const engine = new MigrationEngine(adapter, { onProgress, owner: CLI_OWNER });
  return {
    names,
    project,
    db,
    adapter,
    engine,
    progress,
    finished,
    async close() {
      progress.stop();
      await db.disconnect();
    },
  };
}

/**
 * Runs `fn` with an open target and always closes it.
 * @example return withTarget(ctx, async (t) => ({ exitCode: 0, data: { history: await t.engine.getHistory() } }));
 */
export async function withTarget<T>(ctx: CommandContext, fn: (t: OpenTarget) => Promise<T>, options: { env?: string; project?: Project } = {}): Promise<T> {
  const t = await openTarget(ctx, options);
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

/**
 * Like `withTarget`, with the project's migration files indexed (name, tag, checksum; imported
 * only where the checksum cache cannot vouch for them) while the connection is made — both take
 * a while on a cold start and neither needs the other: the connection is started first and the
 * indexing yields to it between slices of files. A connection error takes precedence.
 * @example return withTargetAndMigrations(ctx, async (t, index) => …);
 */
export async function withTargetAndMigrations<T>(ctx: CommandContext, fn: (t: OpenTarget, index: IndexedMigration[]) => Promise<T>): Promise<T> {
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const opening = openTarget(ctx, { project });
  const [target, indexing] = await Promise.allSettled([opening, indexMigrations(project, ctx.cwd, ctx.vars)]);
  if (target.status === 'rejected') throw target.reason;
  const t = target.value;
  try {
    if (indexing.status === 'rejected') throw indexing.reason;
    return await fn(t, indexing.value);
  } finally {
    await t.close();
  }
}
