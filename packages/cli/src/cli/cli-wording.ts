/**
 * Library advice as a CLI user acts on it: core and the sdk word their hints for code
 * (`up with { recover: 'compensate' }`, `compensate()`, `{ confirm: true }`); the CLI prints the
 * command and flag that do the same. Longest phrases first.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/run up with \{ recover: 'compensate' \}/g, 'run `ductape up --recover compensate`'],
  [/up with \{ recover: 'compensate' \}/g, '`ductape up --recover compensate`'],
  [/\{ recover: 'compensate' \}/g, '--recover compensate'],
  [/run up with \{ recover: '(mark-ran|rerun)' \}/g, 'run `ductape up --recover $1`'],
  [/use compensate\(\) to undo its applied steps, or up\(\) to resume it/g, 'run `ductape down` to undo its applied steps (it compensates a failed run), or `ductape up` to resume it'],
  [/fix the cause and run up again/g, 'fix the cause and run `ductape up` again'],
  [/fix the cause and run down again/g, 'fix the cause and run `ductape down` again'],
  [/run down\(\) again/g, 'run `ductape down` again'],
  [/resume it with up\(\) instead/g, 'resume it with `ductape up` instead'],
  [/mark it with the CLI `repair` command/g, 'mark it with `ductape repair <tag> --mark …`'],
  [/remove its row with the CLI `repair` command/g, 'remove its row with `ductape repair <tag> --mark rolled-back`'],
  [/calling db\.update again with the same request resumes after them/g, 'running the same `ductape update` again resumes after them'],
  [/check getHistory\(\) or getStatus\(\) for what is applied/g, 'run `ductape status` or `ductape history` for what is applied'],
  // Adapters' connection hints mention the test servers of Ductape's own repository; a user has none.
  [/ ?\((?:for tests: |run )?`pnpm services:up [^`]*`(?: for the test server)?\)/g, ''],
  [/pass \{ confirm: true \} to this call, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1 for this process/g, 'pass --yes, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1'],
];

/**
 * `text` (an error's message or hint from core or the sdk) with code-level advice replaced by
 * the CLI command that does it.
 * @example cliWording("run up with { recover: 'compensate' } to undo") // 'run `ductape up --recover compensate` to undo'
 */
export function cliWording(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}
