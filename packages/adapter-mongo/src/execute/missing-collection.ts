import { DuctapeError, ErrorCodes } from '@ductape/core';

/**
 * The error of a step whose collection does not exist (MongoDB would create it implicitly, or
 * fail with a less clear message): DUCTAPE_NOT_FOUND, the step having changed nothing.
 * @example throw missingCollection('users', 'create the collection in an earlier operation')
 */
export function missingCollection(collection: string, hint: string): DuctapeError {
  return new DuctapeError(ErrorCodes.notFound, `collection "${collection}" does not exist`, `${hint}; this step changed nothing`);
}
