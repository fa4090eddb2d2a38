import { type Migration, migration } from '@ductape/core';
import { UUID_PATTERN } from '../../src/index.js';

/** The spec's MongoDB example as a migration (the sdk test runs the block itself verbatim). */
export function specMongoExample(): Migration {
  return migration('create_users')
    .createCollection(
      'users',
      { _id: { type: 'uuid', primaryKey: true }, email: { type: 'string', required: true } },
      {
        mongoOptions: {
          capped: false,
          validator: { $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' } } } },
          validationLevel: 'strict',
          validationAction: 'error',
        },
      },
    )
    .build();
}

/** The `create` command real MongoDB gets for it: the generated schema merged with the user's validator. */
export const SPEC_CREATE_COMMAND = {
  create: 'users',
  validator: {
    $jsonSchema: { bsonType: 'object', required: ['email', '_id'], properties: { email: { bsonType: 'string' }, _id: { bsonType: 'string', pattern: UUID_PATTERN } } },
  },
  validationLevel: 'strict',
  validationAction: 'error',
};
