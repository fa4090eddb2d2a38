import { type DefaultValue, ValidationError } from '@ductape/core';

/** A DynamoDB AttributeValue as plain JSON (the SDK's wire shape). */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: { readonly [key: string]: AttributeValue } };

/**
 * A literal default as an AttributeValue, typed by the field's attribute type (numbers of numeric
 * fields as N, even when written as a string, e.g. a decimal '9.99').
 * @example marshalDefault(0, 'N') // { N: '0' }
 */
export function marshalDefault(value: DefaultValue, attributeType: string): AttributeValue {
  if (attributeType === 'N' && (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))))) {
    return { N: String(value) };
  }
  return marshal(value, 'default');
}

function marshal(value: unknown, path: string): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { N: String(value) };
  if (Array.isArray(value)) return { L: value.map((v, i) => marshal(v, `${path}[${i}]`)) };
  if (typeof value === 'object') {
    return {
      M: Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, marshal(v, `${path}.${k}`)]),
      ),
    };
  }
  throw new ValidationError('DynamoDB default', [{ code: 'unstorable_default', path, message: `a default of ${typeof value} cannot be stored in DynamoDB` }]);
}
