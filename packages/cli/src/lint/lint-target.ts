import type { CommandContext } from '../cli/command-types.js';
import type { Project } from '../project/project-config.js';
import { targetNames } from '../project/target-names.js';
import type { LintRule, LintTarget } from './lint-types.js';

/** The dialect (adapter name) of each of our adapter packages. */
const DIALECTS: { readonly [adapterPackage: string]: string } = {
  '@ductape/adapter-postgres': 'postgres',
  '@ductape/adapter-mysql': 'mysql',
  '@ductape/adapter-mariadb': 'mariadb',
  '@ductape/adapter-mongo': 'mongo',
  '@ductape/adapter-dynamo': 'dynamo',
  '@ductape/adapter-cassandra': 'cassandra',
  '@ductape/core/testing': 'memory',
};

/** What lint checks for, and why rules of a dialect could not run (empty when they all could). */
export interface ResolvedLintTarget {
  readonly target: LintTarget;
  readonly notRun: { readonly rule: string; readonly reason: string }[];
}

/**
 * The configured target's dialect (`--env`, `--product`, `--database` as every command resolves
 * them, without connecting), and its adapter — created, never connected — when an active rule
 * asks its compiler. A target that cannot be resolved (no config for that env, a variable not set)
 * or an adapter that is not installed does not stop lint: the rules of a dialect are then listed
 * as not run, with the reason.
 * @example const { target, notRun } = await lintTarget(ctx, project, rules);
 */
export async function lintTarget(ctx: CommandContext, project: Project, rules: readonly LintRule[]): Promise<ResolvedLintTarget> {
  const dialectRules = rules.filter((r) => r.dialects);
  const { loadAdapter, resolveTarget } = await import('@ductape/sdk');
  let names: ReturnType<typeof targetNames>;
  let resolved: ReturnType<typeof resolveTarget>;
  try {
    names = targetNames(ctx.flags, project.config, ctx.vars, ctx.command);
    const config = project.configFile && project.config ? { file: project.configFile, value: project.config } : undefined;
    resolved = resolveTarget(names, config, ctx.vars, ctx.cwd);
  } catch (error) {
    const reason = `the target's database is not known (${(error as Error).message})`;
    return { target: {}, notRun: dialectRules.map((r) => ({ rule: r.id, reason })) };
  }
  const dialect = DIALECTS[resolved.adapterPackage] ?? resolved.adapterPackage;
  const needing = dialectRules.filter((r) => r.needsAdapter && r.dialects?.includes(dialect));
  if (needing.length === 0) return { target: { dialect }, notRun: [] };
  try {
    const adapter = await loadAdapter(resolved.adapterPackage, { ...names, connection: resolved.connection, ...(resolved.options ? { options: resolved.options } : {}) }, ctx.cwd);
    return { target: { dialect, adapter }, notRun: [] };
  } catch (error) {
    const reason = `its adapter could not be loaded (${(error as Error).message})`;
    return { target: { dialect }, notRun: needing.map((r) => ({ rule: r.id, reason })) };
  }
}
