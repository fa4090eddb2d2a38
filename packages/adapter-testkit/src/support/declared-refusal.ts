import { DuctapeError, ErrorCodes, type Migration } from '@ductape/core';
import { expect } from 'vitest';
import type { KitContext } from './kit-context.js';

/**
 * For a check the target declares it refuses: asserts `m` is refused at plan time (pure, before
 * IO) with a typed error, and returns true so the caller stops. For any other check: returns
 * false, and the check must pass in full.
 * @example if (expectDeclaredRefusal(kit, 'createIndex (unique)', m)) return;
 */
export function expectDeclaredRefusal(kit: KitContext, check: string, m: Migration): boolean {
  if (!kit.target.declaredRefusals?.includes(check)) return false;
  let error: unknown;
  try {
    kit.engine().plan(m);
  } catch (e) {
    error = e;
  }
  expect(error, `"${check}" is declared refused, so planning it must throw a typed error`).toBeInstanceOf(DuctapeError);
  expect([ErrorCodes.unsupportedOperation, ErrorCodes.validation]).toContain((error as DuctapeError).code);
  return true;
}
