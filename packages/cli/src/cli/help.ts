import type { CommandInfo, FlagSpec } from './command-types.js';
import { COMMANDS } from './commands.js';
import { COMMON_FLAGS } from './common-flags.js';

/**
 * The top-level help text.
 * @example process.stdout.write(mainHelp('0.1.0'));
 */
export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `ductape ${version} — tracked, reversible schema migrations`,
    '',
    'Usage: ductape <command> [flags]',
    '',
    'Commands:',
    ...lines,
    '',
    'Common flags:',
    ...flagLines(COMMON_FLAGS),
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage error, 3 findings (lint, drift, not up to date), 4 not confirmed.',
    'Run `ductape <command> --help` for a command’s flags.',
    '',
  ].join('\n');
}

/**
 * The help text of one command.
 * @example commandHelp(COMMANDS[0]!)
 */
export function commandHelp(info: CommandInfo): string {
  const own = Object.keys(info.flags).length > 0 ? ['', 'Flags:', ...flagLines(info.flags)] : [];
  return [`Usage: ${info.usage}`, '', info.summary, ...own, '', 'Common flags:', ...flagLines(COMMON_FLAGS), ''].join('\n');
}

function flagLines(flags: { readonly [name: string]: FlagSpec }): string[] {
  const items = Object.entries(flags).map(([name, f]) => [`${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`, f.description] as const);
  const width = Math.max(...items.map(([left]) => left.length));
  return items.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`);
}
