import { usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { LINT_RULES, lintDrafts, lintMigrations } from '../lint/lint.js';
import { lintTarget } from '../lint/lint-target.js';
import { findLocal, isDraft, loadMigrationFiles } from '../project/load-migrations.js';
import { loadProject } from '../project/project-config.js';

/**
 * `ductape lint`: dangerous changes in the migration files, without a database. Exit 3 when
 * anything is found (for CI); each finding names its rule, which `--ignore <rule>` skips. Rules of
 * one dialect (index-key-length, down-order: MySQL/MariaDB) run only when the configured target
 * (`--env`, `--product`, `--database`, resolved without connecting) is of that dialect.
 * @example ductape lint --since 20240115_143052_add_phone --ignore rename-field
 */
export const lintCommand: CommandRun = async (ctx) => {
  const ignore = (ctx.flags.ignore as string[] | undefined) ?? [];
  const unknown = ignore.filter((id) => !LINT_RULES.some((r) => r.id === id));
  if (unknown.length > 0) throw usageError(`lint: unknown rule ${unknown.join(', ')}`, `run \`ductape lint --ignore <rule>\` with one of ${LINT_RULES.map((r) => r.id).join(', ')}`);
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const { migrations, drafts } = await loadMigrationFiles(project.migrationsDir, ctx.cwd);
  // Drafts take their place in file order, so --since and <tag>… select them as any file.
  const all = [...migrations, ...drafts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const since = typeof ctx.flags.since === 'string' ? findLocal(all.map(ref), ctx.flags.since) + 1 : 0;
  const chosen = ctx.positionals.length > 0 ? ctx.positionals.map((r) => all[findLocal(all.map(ref), r)] as (typeof all)[number]) : all.slice(since);
  const { target, notRun } = await lintTarget(
    ctx,
    project,
    LINT_RULES.filter((r) => !ignore.includes(r.id)),
  );
  // Every file is replayed (so rules know the tables earlier files made); findings only for the chosen ones.
  const findings = [
    ...lintDrafts(chosen.filter(isDraft), ignore),
    ...lintMigrations(
      migrations.map((l) => l.migration),
      ignore,
      target,
      new Set(chosen.map((l) => l.tag)),
    ),
  ];
  findings.sort((a, b) => chosen.findIndex((l) => l.tag === a.tag) - chosen.findIndex((l) => l.tag === b.tag));
  const { out } = ctx;
  for (const f of findings) {
    const sev = f.severity === 'error' ? out.c.red('error  ') : out.c.yellow('warning');
    out.line(`${sev} ${out.c.bold(f.rule)}  ${f.tag}${f.op === null ? '' : ` ${f.part === 'down' ? 'down ' : ''}op ${f.op}`}: ${f.message}`);
    out.line(`        ${out.c.dim(f.hint)}`);
  }
  for (const n of notRun) out.line(out.c.yellow(`note    ${n.rule} not run: ${n.reason}`));
  out.line(
    findings.length === 0
      ? `${chosen.length} migration${chosen.length === 1 ? '' : 's'} checked: nothing dangerous found`
      : `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${chosen.length} migration${chosen.length === 1 ? '' : 's'}`,
  );
  return { exitCode: findings.length > 0 ? ExitCode.findings : ExitCode.ok, data: { checked: chosen.length, dialect: target.dialect ?? null, notRun, findings } };
};

function ref(l: { tag: string; name?: string; migration?: { name: string } }): { tag: string; name: string } {
  return { tag: l.tag, name: l.name ?? l.migration?.name ?? '' };
}
