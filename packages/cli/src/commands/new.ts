import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { loadProject } from '../project/project-config.js';

/**
 * The text of a new migration file. The tag is set explicitly so it matches the file name.
 * @example migrationTemplate('add_phone', '20240115_143052_add_phone')
 */
export function migrationTemplate(name: string, tag: string): string {
  return `import { migration } from '@ductape/sdk';

// Add operations, then \`ductape plan\` shows what will run and \`ductape up\` applies it.
// The down operations are derived from these (see the spec's Migration Builder).
export default migration(${JSON.stringify(name)})
  .tag(${JSON.stringify(tag)})
  // .addField('users', 'phone', { type: 'string', length: 20 })
  .build();
`;
}

/**
 * `ductape new <name> [--ts]`: writes `<migrations dir>/<tag>.mjs` (or .ts) from the template.
 * @example ductape new add_phone
 */
export const newCommand: CommandRun = async (ctx) => {
  const [name, ...extra] = ctx.positionals;
  if (name === undefined || extra.length > 0) throw usageError('new takes one <name>', 'run `ductape new add_phone`');
  const { generateTag, migrationNameProblem } = await import('@ductape/sdk');
  const problem = migrationNameProblem(name);
  if (problem) throw usageError(`the migration name ${problem}`, 'use letters, digits, _ and -, e.g. `ductape new add_phone`');
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  const tag = generateTag(name);
  const file = join(project.migrationsDir, `${tag}.${ctx.flags.ts ? 'ts' : 'mjs'}`);
  if (existsSync(file)) throw usageError(`${file} already exists`, 'wait a second (tags are per second) or pick another name');
  mkdirSync(project.migrationsDir, { recursive: true });
  writeFileSync(file, migrationTemplate(name, tag), { flag: 'wx' });
  const shown = relative(ctx.cwd, file);
  ctx.out.line(`${ctx.out.c.green('created')} ${shown}`);
  return { exitCode: ExitCode.ok, data: { tag, name, file } };
};
