import { inspect } from 'node:util';

/**
 * Runs `fn` while copying everything written to stdout, stderr and the console into a string
 * (still passed through), so a check can search log lines. Returns `{ value, error, output }`.
 * @example const { output } = await captureOutput(() => adapter.connect());
 * @template T
 * @param {() => Promise<T>} fn
 */
export async function captureOutput(fn) {
  let output = '';
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((s) => s.write);
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
  const saved = methods.map((m) => console[m]);
  streams.forEach((s, i) => {
    s.write = function write(chunk, ...rest) {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return writes[i].call(this, chunk, ...rest);
    };
  });
  methods.forEach((m, i) => {
    console[m] = (...args) => {
      output += `${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' ')}\n`;
      return saved[i].apply(console, args);
    };
  });
  try {
    return { value: await fn(), error: undefined, output };
  } catch (error) {
    return { value: undefined, error, output };
  } finally {
    streams.forEach((s, i) => (s.write = writes[i]));
    methods.forEach((m, i) => (console[m] = saved[i]));
  }
}

/**
 * Every text an error exposes: message, stack, `util.inspect` (own properties included) and
 * JSON, for its whole cause chain (and AggregateError members).
 * @example errorTexts(new Error('x', { cause: new Error('y') })).includes('y') // true
 * @param {unknown} error
 */
export function errorTexts(error) {
  const parts = [];
  const seen = new Set();
  const visit = (e, depth) => {
    if (e === undefined || e === null || seen.has(e) || depth > 8) return;
    seen.add(e);
    if (typeof e !== 'object') return void parts.push(String(e));
    parts.push(String(e.message ?? ''), String(e.stack ?? ''), inspect(e, { depth: 6, showHidden: false }));
    try {
      parts.push(JSON.stringify(e));
    } catch {
      // circular: inspect covered it
    }
    visit(e.cause, depth + 1);
    if (Array.isArray(e.errors)) for (const x of e.errors) visit(x, depth + 1);
  };
  visit(error, 0);
  return parts.join('\n');
}
