import { ConfirmationRequiredError } from '../errors.js';

/** Environments where destructive operations need confirmation. */
export const PROTECTED_ENVIRONMENTS: readonly string[] = ['prd', 'prod', 'production'];

/**
 * Refuses a destructive operation on a protected environment unless confirmed by the call's
 * `{ confirm: true }` or by DUCTAPE_CONFIRM_DESTRUCTIVE=1.
 * @example assertConfirmed('dropField users.age', 'prd', { confirm: true }, process.env)
 */
export function assertConfirmed(operation: string, env: string, options: { confirm?: boolean }, vars: NodeJS.ProcessEnv): void {
  if (!PROTECTED_ENVIRONMENTS.includes(env)) return;
  if (options.confirm === true || vars.DUCTAPE_CONFIRM_DESTRUCTIVE === '1') return;
  throw new ConfirmationRequiredError(operation, env);
}
