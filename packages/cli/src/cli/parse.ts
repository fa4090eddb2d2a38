import { parseArgs } from 'node:util';
import { usageError } from './cli-error.js';
import type { CommandInfo, Flags } from './command-types.js';
import { COMMON_FLAGS } from './common-flags.js';

/**
 * Parses a command's arguments with node's own `util.parseArgs` (strict: unknown flags are usage errors).
 * @example parseCommand(info, ['--to', '20240115_143052_add_phone', '--json'])
 */
export function parseCommand(info: CommandInfo, args: readonly string[]): { flags: Flags; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries({ ...COMMON_FLAGS, ...info.flags }).map(([name, f]) => [name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { flags: values as Flags, positionals };
  } catch (error) {
    throw usageError(`${info.name}: ${(error as Error).message.split('\n')[0] ?? 'invalid arguments'}`, `run \`ductape ${info.name} --help\``);
  }
}

/**
 * Whether argv asks for JSON output, looked up before parsing so even a usage error is JSON.
 * @example wantsJson(['status', '--json']) // true
 */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}
