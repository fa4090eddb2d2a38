/** Variables whose value is a secret by their name. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|_KEY)$|^DUCTAPE_.*_URL$/i;
/** Shorter values are too likely to be ordinary words (`postgres`) to blank everywhere. */
const MIN_LENGTH = 8;

/**
 * The configured secret values the CLI's output must never show: values of variables named like
 * a secret (`…PASSWORD`, `…SECRET`, `…TOKEN`, `…_KEY`) and the password of every
 * `DUCTAPE_<P>_<D>_<ENV>_URL` (a URL's password is also redacted by its shape wherever it appears).
 * Values shorter than 8 characters are left out.
 * @example secretValues({ PRD_DB_PASSWORD: 'hunter2hunter2' }) // ['hunter2hunter2']
 */
export function secretValues(vars: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value !== 'string' || !SECRET_NAME.test(name)) continue;
    if (/^DUCTAPE_.*_URL$/i.test(name)) {
      const password = urlPassword(value);
      if (password) for (const p of [password, safeDecode(password)]) found.add(p);
    } else found.add(value);
  }
  return [...found].filter((s) => s.length >= MIN_LENGTH);
}

function urlPassword(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@\s]*)@/i.exec(url);
  return m?.[1] || undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
