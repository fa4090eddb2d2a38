import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Migration, Operation } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { withTarget } from '../project/open-target.js';
import { buildFromIntent, parseIntent } from '../project/intent.js';
import { loadProject } from '../project/project-config.js';

/**
 * The text of a new migration file. The tag is set explicitly so it matches the file name.
 * Without `operations` it is a template: a draft (`status` lists it as `draft`, `up` skips it)
 * until an operation is added. With them (`--from-intent`), each operation is written as data.
 * @example migrationTemplate('add_phone', '20240115_143052_add_phone')
 */
export function migrationTemplate(name: string, tag: string, operations?: { readonly ops: readonly Operation[]; readonly comment: string }): string {
  const head = `import { migration } from '@ductape/sdk';\n\n`;
  if (!operations) {
    return `${head}// Add operations, then \`ductape plan\` shows what will run and \`ductape up\` applies it.
// Until then this file is a draft: \`ductape status\` lists it as draft and \`ductape up\` skips it.
// The down operations are derived from these (see the spec's Migration Builder).
export default migration(${JSON.stringify(name)})
  .tag(${JSON.stringify(tag)})
  // .addField('users', 'phone', { type: 'string', length: 20 })
  .build();
`;
  }
  const ops = operations.ops.map((op) => `  .operation(${JSON.stringify(op, null, 2).replace(/\n/g, '\n  ')})\n`).join('');
  return `${head}${operations.comment
    .split('\n')
    .map((l) => `// ${l}`)
    .join('\n')}
export default migration(${JSON.stringify(name)})
  .tag(${JSON.stringify(tag)})
${ops}  .build();
`;
}

/**
 * `ductape new <name> [--ts] [--from-intent <json>]`: writes `<migrations dir>/<tag>.mjs` (or .ts).
 * The tag is now, or one second after the newest tag in the directory, so migrations made in the
 * same second still sort in the order they were made. `--from-intent` connects to the target and
 * writes the migration a `db.schema` call would apply there (`{ apply: false }`: nothing changed).
 * @example ductape new add_phone --from-intent '{"addField":["users","phone","string"]}'
 */
export const newCommand: CommandRun = async (ctx) => {
  const [name, ...extra] = ctx.positionals;
  if (name === undefined || extra.length > 0) throw usageError(name === undefined ? 'new needs a <name>' : `new takes one <name>, got ${ctx.positionals.length}`, 'run `ductape new add_phone`');
  const { migration, migrationNameProblem, nextTag } = await import('@ductape/sdk');
  const problem = migrationNameProblem(name);
  if (problem) throw usageError(`the migration name ${problem}`, 'run `ductape new add_phone` (letters, digits, _ and -)');
  const intent = typeof ctx.flags['from-intent'] === 'string' ? parseIntent(ctx.flags['from-intent']) : undefined;
  const project = await loadProject(ctx.cwd, ctx.flags.dir);
  let tag = nextTag(name, fileTags(project.migrationsDir));
  let operations: Parameters<typeof migrationTemplate>[2];
  if (intent) {
    const built: { m: Migration; historyTags: string[]; label: string } = await withTarget(
      ctx,
      async (t) => ({
        m: await buildFromIntent(t.db.schema, intent),
        historyTags: (await t.engine.getHistoryRows()).map((e) => e.tag),
        label: `${t.names.product}/${t.names.database} (${t.names.env})`,
      }),
      { project },
    );
    tag = nextTag(name, [...fileTags(project.migrationsDir), ...built.historyTags]);
    // Built again under its own name, to check it as `up` will.
    let b = migration(name).tag(tag);
    for (const op of built.m.up) b = b.operation(op);
    const ops = b.build().up;
    operations = {
      ops,
      comment: `Made by \`ductape new ${name} --from-intent\` from db.schema.${intent.method}(${intent.args.map((a) => JSON.stringify(a)).join(', ')})\nagainst the schema of ${built.label}; what it replaces was read from there, so down restores it.`,
    };
  }
  const file = join(project.migrationsDir, `${tag}.${ctx.flags.ts ? 'ts' : 'mjs'}`);
  mkdirSync(project.migrationsDir, { recursive: true });
  try {
    writeFileSync(file, migrationTemplate(name, tag, operations), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw usageError(`${relative(ctx.cwd, file)} already exists (another \`ductape new\` ran at the same moment)`, `run \`ductape new ${name}\` again`);
  }
  const shown = relative(ctx.cwd, file);
  ctx.out.line(`${ctx.out.c.green('created')} ${shown}${operations ? ` (${operations.ops.length} operation${operations.ops.length === 1 ? '' : 's'})` : ' (a draft until you add operations)'}`);
  return { exitCode: ExitCode.ok, data: { tag, name, file, operations: operations?.ops.length ?? 0 } };
};

/** The tags of the files in `dir` (none when it does not exist yet: `new` creates it). */
function fileTags(dir: string): string[] {
  try {
    return readdirSync(dir).map((f) => f.replace(/\.(mjs|js|ts|mts)$/, ''));
  } catch {
    return [];
  }
}
