import type { FieldChanges, FieldDefinition } from '@ductape/core';

/** A change to a collection's `$jsonSchema`, applied at execute time to the validator it has then. */
export type ValidatorPatch =
  | { readonly kind: 'addField'; readonly field: FieldDefinition }
  | { readonly kind: 'dropField'; readonly field: string }
  | { readonly kind: 'renameField'; readonly from: string; readonly to: string }
  | { readonly kind: 'modifyField'; readonly field: string; readonly changes: FieldChanges; readonly previous?: FieldDefinition };
