import { readFileSync } from 'node:fs';
import type { CommandContext, CommandInfo } from './cli/command-types.js';
import { COMMANDS } from './cli/commands.js';
import { usageError } from './cli/cli-error.js';
import { ExitCode } from './cli/exit-codes.js';
import { errorReport } from './cli/format-error.js';
import { commandHelp, mainHelp } from './cli/help.js';
import type { Output } from './cli/output.js';
import { parseCommand, wantsJson } from './cli/parse.js';
import { secretValues } from './cli/secret-values.js';
import { closest } from './cli/suggest.js';

/** The process around a run: streams, environment and working directory. */
export interface MainIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly vars: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * Runs `ductape` with `argv` (without node and the script) and resolves to the exit code.
 * `--help` and `--version` import nothing but the command table (not even the colours: picocolors
 * is loaded with the output of a command).
 * @example process.exitCode = await main(['status', '--json']);
 */
export async function main(argv: readonly string[], io: MainIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const info = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(info ? commandHelp(info) : mainHelp(version()));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const info = COMMANDS.find((c) => c.name === first);
  if (info && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout.write(commandHelp(info));
    return ExitCode.ok;
  }
  const [{ redactSecrets }, { Output }] = await Promise.all([import('@ductape/sdk'), import('./cli/output.js')]);
  const secrets = secretValues(io.vars);
  const out = new Output({ json: wantsJson(rest), stdout: io.stdout, stderr: io.stderr, vars: io.vars, redact: (text) => redactSecrets(text, secrets) });
  try {
    if (!info) throw unknownCommand(first);
    const { exitCode, data } = await runCommand(info, rest, out, io);
    if (out.json) out.document({ ok: true, command: info.name, exitCode, ...data });
    return exitCode;
  } catch (error) {
    const r = errorReport(error);
    if (out.json) out.document({ ok: false, command: info?.name ?? first, exitCode: r.exitCode, error: { code: r.code, message: r.message, hint: r.hint ?? null } });
    else {
      out.error(`${out.ce.red('error')} ${r.message}`);
      if (r.hint) out.error(`${out.ce.dim('hint')}  ${r.hint}`);
      if (r.code === 'DUCTAPE_UNEXPECTED' && io.vars.DUCTAPE_DEBUG && error instanceof Error && error.stack) out.error(error.stack);
    }
    return r.exitCode;
  }
}

async function runCommand(info: CommandInfo, args: readonly string[], out: Output, io: MainIo) {
  const { flags, positionals } = parseCommand(info, args);
  const run = await info.load();
  const ctx: CommandContext = { command: info.name, flags, positionals, out, cwd: io.cwd, vars: io.vars, stdin: io.stdin };
  return run(ctx);
}

function unknownCommand(name: string) {
  const near = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  if (near) return usageError(`unknown command "${name}" (did you mean ${near}?)`, `run \`ductape ${near}\`, or \`ductape --help\` for the list of commands`);
  return usageError(`unknown command "${name}"`, 'run `ductape --help` for the list of commands');
}

function processIo(): MainIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, vars: process.env, cwd: process.cwd() };
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
