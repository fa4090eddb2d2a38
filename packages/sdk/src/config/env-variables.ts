/**
 * The environment variable names for one target: `DUCTAPE_<PRODUCT>_<DATABASE>_<ENV>_URL` and
 * `…_ADAPTER`, each part upper-cased with every other character turned into `_`.
 * @example envVariableNames('my-app', 'main-db', 'prd').url // 'DUCTAPE_MY_APP_MAIN_DB_PRD_URL'
 */
export function envVariableNames(product: string, database: string, env: string): { url: string; adapter: string } {
  const part = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const base = `DUCTAPE_${part(product)}_${part(database)}_${part(env)}`;
  return { url: `${base}_URL`, adapter: `${base}_ADAPTER` };
}
