const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^@\s]*)@/gi;
const KEY_VALUE = /\b(password|passwd|pwd|secret|token|secretAccessKey)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;&,]+)/gi;

/**
 * Removes passwords from text before it reaches an error or a log line: the password part of
 * URLs (`postgres://u:***@h`) and `password=…` style pairs.
 * @example redactSecrets('postgres://app:s3cret@db:5432/x') // 'postgres://app:***@db:5432/x'
 */
export function redactSecrets(text: string): string {
  if (typeof text !== 'string') return redactSecrets(String(text));
  return text.replace(URL_CREDENTIALS, '$1:***@').replace(KEY_VALUE, '$1$2***');
}
