import { relative } from 'node:path';
import type { Migration } from '@ductape/sdk';
import type { CommandContext } from '../cli/command-types.js';
import { findLocal, loadMigrationFiles } from './load-migrations.js';
import { loadProject } from './project-config.js';

/** The migrations a fleet run gives every target, with the tags the files gave them. */
export interface FleetMigrationFiles {
  readonly migrations: readonly Migration[];
  readonly tags: readonly string[];
  /** Tags of the drafts left out (files without operations yet). */
  readonly skippedDrafts: readonly string[];
}

/**
 * Reads the project's migrations directory (`--dir`, else `migrationsDir` of ductape.config.*,
 * else migrations/) for a fleet run: every built migration in tag order, up to `--to` when given;
 * drafts are left out with a warning line, as `ductape up` does.
 * @example const { migrations } = await fleetMigrationFiles(ctx);
 */
export async function fleetMigrationFiles(ctx: CommandContext): Promise<FleetMigrationFiles> {
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const { migrations: files, drafts } = await loadMigrationFiles(project.migrationsDir, ctx.cwd);
  const upTo = typeof ctx.flags.to === 'string' ? findLocal(files, ctx.flags.to) : files.length - 1;
  const chosen = files.slice(0, upTo + 1);
  const last = chosen.at(-1)?.tag;
  const skipped = drafts.filter((d) => last === undefined || typeof ctx.flags.to !== 'string' || d.tag <= last);
  for (const d of skipped) ctx.out.note(`${ctx.out.ce.yellow('warning')} skipped draft ${d.tag}: it has no operations yet (add some, or delete ${relative(ctx.cwd, d.file)})`);
  return { migrations: chosen.map((l) => l.migration), tags: chosen.map((l) => l.tag), skippedDrafts: skipped.map((d) => d.tag) };
}
