import { createInterface } from 'node:readline/promises';
import { ErrorCodes } from '@ductape/sdk';
import { CliError } from './cli-error.js';
import type { CommandContext } from './command-types.js';
import { ExitCode } from './exit-codes.js';

/**
 * Asks `question` on the terminal unless --yes was given. Without a terminal (CI) and without
 * --yes it refuses (exit 4) rather than guessing.
 * @example await confirm(ctx, 'Remove the row of "add_phone"?');
 */
export async function confirm(ctx: CommandContext, question: string): Promise<void> {
  if (ctx.flags.yes) return;
  if (ctx.stdin.isTTY !== true || ctx.out.json) {
    throw new CliError(ErrorCodes.confirmationRequired, `${question.replace(/\?$/, '')}: needs confirmation`, 'pass --yes to confirm without a terminal', ExitCode.aborted);
  }
  const rl = createInterface({ input: ctx.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} [y/N] `)).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') throw new CliError(ErrorCodes.aborted, 'not confirmed; nothing was changed', 'answer y to go ahead, or pass --yes', ExitCode.aborted);
  } finally {
    rl.close();
  }
}
