import { ValidationError, type ValidationIssue } from '@ductape/core';

const TABLE_OR_INDEX = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Checks DynamoDB's naming rules for a table or index name (3–255 of a-z, A-Z, 0-9, `_`, `-`, `.`).
 * @example assertDynamoName('table', 'users') // ok
 */
export function assertDynamoName(kind: 'table' | 'index', name: string): void {
  if (TABLE_OR_INDEX.test(name)) return;
  const issue: ValidationIssue = {
    code: `invalid_${kind}_name`,
    path: kind,
    message: `DynamoDB ${kind} name ${JSON.stringify(name)} must be 3 to 255 characters of letters, digits, "_", "-" and "."`,
  };
  throw new ValidationError(`DynamoDB ${kind} name`, [issue]);
}

/**
 * True when `name` can be a DynamoDB table or index name (a table by any other name cannot exist).
 * @example isDynamoName('users') // true
 */
export function isDynamoName(name: string): boolean {
  return TABLE_OR_INDEX.test(name);
}

/**
 * A ValidationError for one problem of a DynamoDB-specific option.
 * @example throw invalid('dynamoOptions.readCapacity', 'PROVISIONED billing needs readCapacity and writeCapacity')
 */
export function invalid(path: string, message: string, code = 'invalid_dynamo_option'): ValidationError {
  return new ValidationError('DynamoDB options', [{ code, path, message }]);
}
