import picocolors from 'picocolors';

/** ANSI styles (picocolors), or identity functions when colour is off. */
export interface Colors {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
}

/**
 * The styles of picocolors, on or off.
 * @example const c = colors(useColor(process.stdout, process.env)); c.green('ok');
 */
export function colors(enabled: boolean): Colors {
  const p = picocolors.createColors(enabled);
  return { bold: p.bold, dim: p.dim, red: p.red, green: p.green, yellow: p.yellow, cyan: p.cyan };
}

/**
 * True when colour should be used on `stream` under `env`: never when NO_COLOR is set to
 * anything but '' (https://no-color.org; it wins over FORCE_COLOR, as in picocolors); always when
 * FORCE_COLOR is set to anything but '', '0' or 'false' (https://force-color.org), even into a
 * pipe or with TERM=dumb; otherwise only on a TTY whose TERM is not `dumb`.
 * @example useColor(process.stdout, process.env)
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
