/**
 * The test server's URL, from DUCTAPE_TEST_POSTGRES_URL (or .services.env, loaded by the setup
 * file). Under CI=true a missing server throws (a failure, never a skip); elsewhere it warns and
 * returns undefined so the suite skips.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.DUCTAPE_TEST_POSTGRES_URL;
  if (url) return url;
  const message = 'PostgreSQL is not available (DUCTAPE_TEST_POSTGRES_URL is not set): run `pnpm services:up postgres`';
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${message}. CI=true: a missing server is a failure, not a skip.`);
  console.warn(`[skip] ${message}`);
  return undefined;
}
