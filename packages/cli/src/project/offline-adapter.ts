import type { Adapter } from '@ductape/sdk';
import type { CommandContext } from '../cli/command-types.js';
import type { Project } from './project-config.js';
import { type TargetNames, targetNames } from './target-names.js';

/**
 * The target's adapter, resolved and created as `connect()` would, but not connected: for
 * `plan`, whose compile is pure. (The PostgreSQL adapter creates the embedded PGlite directory,
 * empty, when it is made; no database is opened.)
 * @example const { adapter } = await offlineAdapter(ctx, project); new MigrationEngine(adapter).plan(m);
 */
export async function offlineAdapter(ctx: CommandContext, project: Project): Promise<{ names: TargetNames; adapter: Adapter }> {
  const { loadAdapter, resolveTarget } = await import('@ductape/sdk');
  const names = targetNames(ctx.flags, project.config, ctx.vars, ctx.command);
  const config = project.configFile && project.config ? { file: project.configFile, value: project.config } : undefined;
  const resolved = resolveTarget(names, config, ctx.vars, ctx.cwd);
  const adapter = await loadAdapter(resolved.adapterPackage, { ...names, connection: resolved.connection, ...(resolved.options ? { options: resolved.options } : {}) }, ctx.cwd);
  return { names, adapter };
}
