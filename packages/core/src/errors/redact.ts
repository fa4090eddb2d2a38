/** `scheme://user:password@host`: the password part. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^@\s]*)@/gi;
/** Keys that name a credential wherever they appear as `key=value` or `key: "value"`. */
const PASSWORD_KEY = String.raw`\w*(?:password|passwd|pwd)|secretAccessKey|sessionToken|clientSecret`;
/** DSN / connection-string / env style `password=value` (libpq, ODBC `Pwd=…;`, PGPASSWORD=…): `=` with no space before it. */
const DSN_PAIR = new RegExp(String.raw`\b(${PASSWORD_KEY})=("[^"]*"|'[^']*'|[^\s;&,)]+)`, 'gi');
/** URL query parameters carrying a credential: `?token=…`, `&apiKey=…`, `&secret=…`. */
const QUERY_PAIR =
  /([?&](?:password|passwd|pwd|secret|token|access_?token|auth_?token|api_?key|secretAccessKey|sessionToken|signature|sig|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token))=([^&\s#'"]+)/gi;
/** JSON or a printed object: `"password": "…"`, `password: '…'` (a quoted value only). */
const QUOTED_PAIR = new RegExp(String.raw`(["']?)\b(${PASSWORD_KEY})\1(\s*:\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`, 'gi');
/** Bind placeholders are not values: `password=$1`, `pwd=?`, `password=:pw`, `password=@p1`. */
const PLACEHOLDER = /^(?:\$\d+|\?|:\w+|@\w+)$/;

/**
 * Removes secrets from text before it reaches an error, a log line or the terminal:
 * - the password of a URL (`postgres://app:***@db:5432/x`);
 * - `password=…` pairs of connection strings and DSNs (`password=…`, `Pwd=…;`, `PGPASSWORD=…`);
 * - credentials in URL query strings (`?token=…`, `&apiKey=…`, `&X-Amz-Signature=…`);
 * - quoted password values in JSON or printed objects (`"password":"…"`, `password: '…'`);
 * - every value of `secrets` (configured secret values, e.g. the password of the connection).
 *
 * SQL and schema text that merely mentions a column named token, secret or key is left alone:
 * `UPDATE sessions SET token = $1 WHERE token = $2` and `apiKeys.secret: text` come out unchanged.
 * @example redactSecrets('postgres://app:s3cret@db:5432/x') // 'postgres://app:***@db:5432/x'
 * @example redactSecrets('host=db password=s3cret dbname=x') // 'host=db password=*** dbname=x'
 * @example redactSecrets('UPDATE sessions SET token = $1') // unchanged
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  if (typeof text !== 'string') return redactSecrets(String(text), secrets);
  let out = text
    .replace(URL_CREDENTIALS, '$1:***@')
    .replace(DSN_PAIR, (all: string, key: string, value: string) => (PLACEHOLDER.test(value) ? all : `${key}=${quoted(value)}`))
    .replace(QUERY_PAIR, '$1=***')
    .replace(QUOTED_PAIR, (_all: string, q: string, key: string, sep: string, value: string) => `${q}${key}${q}${sep}${quoted(value)}`);
  for (const secret of [...secrets].filter(usableSecret).sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

function quoted(value: string): string {
  const q = value[0];
  return q === '"' || q === "'" ? `${q}***${q}` : '***';
}

/** Too short a value would blank ordinary words; four characters is the least a secret is taken to have. */
function usableSecret(s: unknown): s is string {
  return typeof s === 'string' && s.length >= 4;
}
