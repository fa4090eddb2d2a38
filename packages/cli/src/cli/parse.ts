import { parseArgs } from 'node:util';
import { usageError } from './cli-error.js';
import type { CommandInfo, FlagSpec, Flags } from './command-types.js';
import { COMMON_FLAGS } from './common-flags.js';
import { closest } from './suggest.js';

/**
 * Parses a command's arguments with node's `util.parseArgs`, then checks them itself so every
 * mistake is a usage error (exit 2) of one line and a hint of what to run: an unknown flag (with
 * the closest known one), a flag missing its value (`--to --json` included), a value given to a switch.
 * @example parseCommand(info, ['--to', '20240115_143052_add_phone', '--json'])
 */
export function parseCommand(info: CommandInfo, args: readonly string[]): { flags: Flags; positionals: string[] } {
  const specs: { readonly [name: string]: FlagSpec } = { ...COMMON_FLAGS, ...info.flags };
  const options = Object.fromEntries(Object.entries(specs).map(([name, f]) => [name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) }]));
  const help = `run \`ductape ${info.name} --help\` for its flags`;
  const { values, positionals, tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) {
      const near = closest(t.name, Object.keys(specs));
      throw usageError(`${info.name}: unknown flag ${t.rawName}${near ? ` (did you mean --${near}?)` : ''}`, help);
    }
    if (spec.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))) {
      throw usageError(`${info.name}: ${t.rawName} needs a value`, `run \`ductape ${info.name} --${t.name} ${spec.value ?? '<value>'}\``);
    }
    if (spec.type === 'boolean' && t.inlineValue) throw usageError(`${info.name}: ${t.rawName} takes no value`, `run \`ductape ${info.name} --${t.name}\``);
  }
  return { flags: values as Flags, positionals };
}

/**
 * Whether argv asks for JSON output, looked up before parsing so even a usage error is JSON.
 * @example wantsJson(['status', '--json']) // true
 */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}
