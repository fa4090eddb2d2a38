export { main, type MainIo } from './main.js';
export { ExitCode, type ExitCodeValue } from './cli/exit-codes.js';
export { COMMANDS } from './cli/commands.js';
export type { CommandContext, CommandInfo, CommandResult, CommandRun, Flags } from './cli/command-types.js';
export { lintMigrations, LINT_RULES, type LintFinding } from './lint/lint.js';
