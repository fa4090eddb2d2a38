import { type Colors, colors, useColor } from './colors.js';

/** Where a command writes: human text (off under --json) and the streams behind it. */
export interface OutputOptions {
  readonly json: boolean;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly vars: NodeJS.ProcessEnv;
  /** Removes secrets from every line (core's `redactSecrets` with the configured secret values). */
  readonly redact: (text: string) => string;
}

/**
 * Human output of a command. Under `--json` every human line is dropped and the command's data
 * is printed once, as one JSON document, by the caller. Every line passes through the secret
 * redaction first, so a connection URL's password never reaches the terminal or a CI log; the
 * redaction removes credentials only, so SQL and schema text are printed as they are.
 * @example out.line(`${out.c.green('applied')} 20240115_143052_add_phone`);
 */
export class Output {
  readonly json: boolean;
  /** Colours of stdout (off when it is not a TTY or NO_COLOR is set). */
  readonly c: Colors;
  /** Colours of stderr. */
  readonly ce: Colors;
  readonly #o: OutputOptions;

  constructor(options: OutputOptions) {
    this.#o = options;
    this.json = options.json;
    this.c = colors(useColor(options.stdout, options.vars));
    this.ce = colors(useColor(options.stderr, options.vars));
  }

  /** True when stderr is a terminal a ticker can redraw. */
  get interactive(): boolean {
    return !this.json && this.#o.stderr.isTTY === true;
  }

  /** A line of the command's result on stdout (dropped under --json). */
  line(text = ''): void {
    if (!this.json) this.#o.stdout.write(`${this.#o.redact(text)}\n`);
  }

  /** A line of progress or a warning on stderr (dropped under --json). */
  note(text: string): void {
    if (!this.json) this.#o.stderr.write(`${this.#o.redact(text)}\n`);
  }

  /** Raw text on stderr, for a ticker that redraws its line. */
  raw(text: string): void {
    this.#o.stderr.write(this.#o.redact(text));
  }

  /** The one JSON document of a --json run, on stdout. Each string value is redacted (not the JSON text, whose escaping would hide a secret from the patterns). */
  document(value: unknown): void {
    const redact = this.#o.redact;
    this.#o.stdout.write(`${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? redact(v) : v), 2)}\n`);
  }

  /** An error on stderr (human mode). */
  error(text: string): void {
    this.#o.stderr.write(`${this.#o.redact(text)}\n`);
  }
}
