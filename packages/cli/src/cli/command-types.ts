import type { Output } from './output.js';
import type { ExitCodeValue } from './exit-codes.js';

/** One flag of a command, as `util.parseArgs` takes it, plus its help text. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  readonly description: string;
  readonly value?: string;
}

/** Parsed flags: common ones typed, the command's own by name. */
export interface Flags {
  readonly env?: string;
  readonly product?: string;
  readonly database?: string;
  readonly dir?: string;
  readonly json?: boolean;
  readonly yes?: boolean;
  readonly [flag: string]: string | boolean | string[] | undefined;
}

/** What a command runs with. */
export interface CommandContext {
  readonly command: string;
  readonly flags: Flags;
  readonly positionals: readonly string[];
  readonly out: Output;
  readonly cwd: string;
  readonly vars: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** What a command returns: its exit code and the data of its --json document. */
export interface CommandResult {
  readonly exitCode: ExitCodeValue;
  readonly data: { readonly [key: string]: unknown };
}

export type CommandRun = (ctx: CommandContext) => Promise<CommandResult>;

/** A command as the help and the dispatcher see it; `load` imports its implementation lazily. */
export interface CommandInfo {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: { readonly [name: string]: FlagSpec };
  /** Whether the command connects to (or resolves) a database target. */
  readonly target: boolean;
  readonly load: () => Promise<CommandRun>;
}
