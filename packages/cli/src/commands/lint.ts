import { usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { LINT_RULES, lintMigrations } from '../lint/lint.js';
import { findLocal, loadMigrations } from '../project/load-migrations.js';
import { loadProject } from '../project/project-config.js';
import { selectRange } from '../project/select-range.js';

/**
 * `ductape lint`: dangerous changes in the migration files, without a database. Exit 3 when
 * anything is found (for CI); each finding names its rule, which `--ignore <rule>` skips.
 * @example ductape lint --since 20240115_143052_add_phone --ignore rename-field
 */
export const lintCommand: CommandRun = async (ctx) => {
  const ignore = (ctx.flags.ignore as string[] | undefined) ?? [];
  const unknown = ignore.filter((id) => !LINT_RULES.some((r) => r.id === id));
  if (unknown.length > 0) throw usageError(`unknown lint rule ${unknown.join(', ')}`, `rules: ${LINT_RULES.map((r) => r.id).join(', ')}`);
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const all = await loadMigrations(project.migrationsDir, ctx.cwd);
  const since = typeof ctx.flags.since === 'string' ? findLocal(all, ctx.flags.since) + 1 : 0;
  const chosen = ctx.positionals.length > 0 ? selectRange(all, ctx.positionals, {}) : all.slice(since);
  const findings = lintMigrations(chosen.map((l) => l.migration), ignore);
  const { out } = ctx;
  for (const f of findings) {
    const sev = f.severity === 'error' ? out.c.red('error  ') : out.c.yellow('warning');
    out.line(`${sev} ${out.c.bold(f.rule)}  ${f.tag} op ${f.op + 1}: ${f.message}`);
    out.line(`        ${out.c.dim(f.hint)}`);
  }
  out.line(findings.length === 0 ? `${chosen.length} migration${chosen.length === 1 ? '' : 's'} checked: nothing dangerous found` : `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${chosen.length} migration${chosen.length === 1 ? '' : 's'}`);
  return { exitCode: findings.length > 0 ? ExitCode.findings : ExitCode.ok, data: { checked: chosen.length, findings } };
};
